# outcry's guided letter, in English: the reference catalogue (see ../README.md).

## Languages, by tag, as the wizard names them.
language-name = { $tag ->
    [en] English
    [fr] French
    [de] German
    [es] Spanish
    [it] Italian
    [he] Hebrew
    [zh] Chinese
    [ja] Japanese
    [ko] Korean
    [ar] Arabic
    [ru] Russian
   *[other] { $tag }
}

## The writer's own words in another language than the letter's.
own-words-heading = Your words and the letter's language
own-words-explain = You wrote your own words in { $words }; the letter is in { $letters }, the language its reader works in.
own-words-keep = Keep my words as I wrote them, and add a line inviting a reply in either language
own-words-switch = Write the whole letter in { $words } instead
own-words-stop = Stop here (your answers are kept as a draft)
own-words-prompt = What would you like?

## The guided letter: whom, which letter, the questions, the preview, the mail account and the
## end of the road (src/interactive/messages.rs).
wizard-cannot-use = That answer can't be used:
wizard-required = this question needs an answer
wizard-edit-fields = Press Enter to keep what is there, or change it (Backspace clears it).
wizard-phone-prompt = Your phone number (optional, for call scripts)
wizard-address-needed = a postal address is needed: offices reply by post and check that you live where you say
wizard-whom = Whom do you want to write to?
wizard-find-them = Find them (Enter: choose, Esc: back)
wizard-tick = Choose with Space (a: all), then press Enter (Esc: back)
wizard-keep-whom = Writing to these: untick with Space whoever should not get a letter, then press Enter
wizard-search-hint =
    Type a name, state, constituency or party, e.g. `warren`, `aldershot`, `labour leeds`.
    Filters: country:US body:us-senate region:MA district:14 party:green committee:SSFR
wizard-search = Search
wizard-search-empty = type a name, a place or a party to search for
wizard-place = Your US ZIP code, or your UK postcode, constituency, town or council
wizard-place-empty = type a ZIP code such as 60614, a postcode such as LS2 9JT, or a town
wizard-no-one-yet = No one chosen yet. Search again?
wizard-add-more = Add more recipients?
wizard-what-to-ask = What do you want to ask for?
wizard-choose-letter = Choose a letter (Enter: choose, Esc: back)
wizard-no-letter-fits = None of the letters is written for all of the people you chose; pick the closest.
wizard-groups-heading = These people need different letters
wizard-groups-intro = No one letter is written for all of them (an editor prints letters from readers; a regulator answers for its profession), so you will choose a letter for each group. Answers you give once are used in every letter.
wizard-questions = A few questions, to make the letter yours
wizard-which-earlier = Which letter are you following up? (Esc: back)
wizard-more = -- more: Enter or Space for the next page, q to skip to the end --
wizard-what-next = What next? (Esc: back to the questions)
wizard-write-letters = Write the letters
wizard-edit-letter = Edit this letter
wizard-next-letter = Show the next letter
wizard-cancel-letters = Cancel (write nothing)
wizard-smtp-heading = Sending by email (optional)
wizard-smtp-intro = outcry can send your letters from your own email account. You can skip this and send them yourself.
wizard-smtp-wanted = Set up sending from your email account?
wizard-smtp-inline-heading = Set up sending from your email account
wizard-smtp-inline-intro = outcry sends from your own account, through your provider's mail server. Your password is never stored: it is asked when you send (or comes from a command you name). Esc goes back to the list.
wizard-provider = Your email provider
wizard-another-provider = Another provider (I will type its server)
wizard-provider-help = Your provider's help pages give the server, security and port.
wizard-smtp-host = Mail server (SMTP host)
wizard-smtp-host-empty = e.g. smtp.gmail.com
wizard-security = Security
wizard-port = Port
wizard-no-login-needed = This server takes mail without a login, so outcry will not ask for a login or a password.
wizard-login-name = Login name (usually your email address; leave empty if the server needs no login)
wizard-no-login = No login: outcry will not ask for a password.
wizard-password-command-hint = outcry never stores your password. Give a command that prints it (e.g. `pass show mail`), or leave this empty to be asked each time you send.
wizard-password-command = Password command (optional)
wizard-check-now = Check the connection to the server now?
wizard-no-connection = The connection did not work:
wizard-retry = What now?
wizard-road-heading = Your letters are written. Now get them to their readers
wizard-road = What would you like to do? (Esc: finish)
wizard-road-finish = Finish
wizard-print-how = Print each letter (the .pdf) and its envelope (the .envelope.txt has the addresses), sign the letter and post it:
wizard-call-how = Read the call script aloud, or use it as notes; the office numbers are in it and here:
wizard-form-how = Open the form, and paste the subject and the message from the text file:
wizard-mail-program-how = Open an .eml file in your mail program (double-click it, or drag it onto the program): it opens as a draft ready to send. Or use a link:
wizard-find-ways-1 = Search representatives (name, state, constituency, party, committee)
wizard-find-ways-2 = Someone else: a minister, an embassy, a company, an editor, a medical body, a UN office...
wizard-find-ways-3 = My representatives, from my US ZIP code or my UK postcode, constituency, town or council
wizard-find-ways-4 = Members of a committee that works on this (Foreign Affairs, the China Select Committee...)
wizard-security-choices-1 = STARTTLS on port 587 (most providers)
wizard-security-choices-2 = TLS on port 465
wizard-security-choices-3 = No encryption (a server on this computer only)
wizard-retry-choices-1 = Change the settings
wizard-retry-choices-2 = Keep them anyway (check later with outcry profile test-smtp)
wizard-retry-choices-3 = Skip sending by email
wizard-multiline-hint = { $required ->
    [yes] Type one paragraph and press Enter; type :e to write it in your editor instead.
   *[no] Type one paragraph and press Enter, or leave empty; type :e to write it in your editor instead.
}
wizard-no-match = No one matches `{ $query }`. Try a surname, a constituency, or a state code such as region:MA.
wizard-too-many = { $count } match; showing the first { $shown }. Add words to narrow it down.
wizard-writing-to = Writing to: { $names }
wizard-template-item = { $title } — { $summary }
wizard-template-item-not-for-all = { $title } — { $summary }  (not written for all of them)
wizard-group-line = { "  " }{ $n }. { $members }
wizard-letter-for = Letter { $n } of { $of }, to { $names }: what do you want to ask for?
wizard-shared-answers = Already answered for the first letter, and used here too: “{ $prompts }” (to change the text of one letter, choose "Edit this letter" in the preview).
wizard-questions-for = A few questions for the letter to { $names }
wizard-preview-heading = Preview: letter { $n } of { $of } — to { $name }
wizard-provider-login = To log in, { $name } needs { $login }.
wizard-checking = Checking the connection to { $host }:{ $port }...
wizard-connected = Connected to { $host }:{ $port }.
wizard-saved-to = Saved your mail settings to { $path }
wizard-save-smtp = Keep these mail settings (never the password) in { $path } for next time?
wizard-road-send = { $count ->
    [one] Send the email letter now by email (you see what will be sent, then confirm)
   *[other] Send the { $count } email letters now by email (you see what will be sent, then confirm)
}
wizard-road-set-up = { $count ->
    [one] Set up sending from my email account, then send the email letter
   *[other] Set up sending from my email account, then send the { $count } email letters
}
wizard-road-mail-program = { $count ->
    [one] Open the email letter in my mail program (the .eml file, or a mailto: link)
   *[other] Open the { $count } email letters in my mail program (the .eml files, or mailto: links)
}
wizard-road-print = { $count ->
    [one] Print the letter for the post (the PDF letter and its envelope)
   *[other] Print the { $count } letters for the post (PDF letters and envelopes)
}
wizard-road-call = { $count ->
    [one] Call: the call script and phone numbers
   *[other] Call: the { $count } call scripts and phone numbers
}
wizard-road-form = { $count ->
    [one] Use the contact form: the text to paste and where
   *[other] Use the contact forms: the text to paste and where
}
wizard-phone = phone { $number } ({ $office })
wizard-form-address = form: { $url }
wizard-postal = post to: { $address }
wizard-record-it = When you have done it, record it so that outcry can remind you if no answer comes: outcry mark { $file } { $flag }

## The guided letter's other steps (src/interactive/mod.rs).
ui-editor-opening = Opening your editor: save and close it to continue.
ui-editor-nano = Opening nano: when you are done, press Ctrl-O then Enter to save, and Ctrl-X to close.
ui-editor-none = No text editor is set up, so type the new text here: one paragraph per line, and an empty line to finish. The current text is:
ui-editor-paragraph = Paragraph { $number }
ui-sender-heading = Your details
ui-sender-from-file = (from { $file })
ui-sender-confirm = Write as this person?
ui-about-you = About you
ui-about-you-why = Your representative's office will use these details to reply to you.
ui-name = Your full name
ui-name-needed = your name is needed to sign the letter
ui-email = Your email address (optional, for replies and sending)
ui-address = Your postal address, one line at a time (street, town, postcode). An empty line finishes.
ui-country = Your country (a code such as US or GB, or its name)
ui-save-details = Save these details for next time?
ui-address-line = Address line { $number }
ui-note = Note:
ui-unsuited = this letter is written for { $audience }; { $name } is in { $body }.
ui-added = Added { $who }.
ui-several-districts = this place is in { $count } congressional districts; your street address decides which one is yours. Check it at { $lookup }, then choose yours with Space.
ui-several-constituencies = this place is in { $count } constituencies; your street address decides which one is yours. Check it at { $lookup }, then choose yours with Space.
ui-postcode-share = { $seat }: { $percent }% of the area's postcodes
ui-postcode-attribution = postcode lookup: { $attribution }
ui-not-found = Not found:
ui-which-committee = Which committee?
ui-committee-state = Only members from one state? Two letters, or leave empty for all
ui-committee-none = no member of { $committee } is from { $state }
ui-someone-else-intro = Use details the person or office publishes (their website, a directory); never guess an email address.
ui-needed = this is needed
ui-their-name = Their name, or the office (e.g. "The Letters Editor")
ui-their-role = Their title or role (optional, e.g. "Minister of Health")
ui-their-organisation = Organisation (optional, e.g. "The Example Times")
ui-their-kind = What kind of recipient?
ui-their-country = Their country (a code such as US or CH, or its name)
ui-their-email = Their published email address (optional)
ui-their-address = Their postal address, one line at a time; an empty line finishes.
ui-their-salutation = How to greet them (optional, e.g. "Dear Editor"; default "Dear NAME")
ui-enter-again = Please enter the contact details again.
ui-save-recipient = Save { $name } to your own recipients ({ $file }) for next time?
ui-tip = Tip:
ui-mostly-template = this letter is almost all template text ({ $percent }% in your own words). Offices give far more weight to letters in the writer's own words: choose "Edit this letter" and add two or three sentences on why this matters to you.
ui-folder = Save the letters in folder
ui-folder-needed = give a folder name, e.g. letters
ui-draft-heading = You have an unfinished letter
ui-draft-summary = From { $date }: `{ $template }`, { $count ->
        [one] one answer
       *[other] { $count } answers
    } typed.
ui-draft-continue = Continue it?
ui-collision = `{ $file }` already exists (perhaps you wrote this letter earlier today).
ui-collision-keep-both = Keep both: write the new letters under numbered names
ui-collision-replace = Replace them with the new letters
ui-collision-other-folder = Choose another folder
ui-collision-prompt = What should happen to the letters already there?
ui-other-folder = Another folder for the letters (not { $folder })
ui-other-folder-needed = give a folder name, e.g. letters-2
ui-confirm-send = Send { $count ->
        [one] { $count } letter
       *[other] { $count } letters
    } now through { $host }?
ui-confirm-forget = Erase { $count ->
        [one] this file
       *[other] these { $count } files
    }? This cannot be undone
ui-password = Password for { $user } on { $host } (not stored)

## The summary after writing (src/commands/write.rs).
summary-wrote = Wrote { $letters ->
        [one] { $letters } letter
       *[other] { $letters } letters
    } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }) to { $folder }
summary-no-contact = no contact details known
summary-reach-by = reach by:
summary-or = or:
summary-more = ... and { $count } more (use --json for the full list)
summary-without-email = { $count ->
        [one] 1 recipient publishes
       *[other] { $count } recipients publish
    } no email address: post the printed letter, call, or use the contact form; the files listed above are ready for each.
summary-saved-details = Saved your details to { $file }
summary-saved-recipient = Saved { $name } as `{ $id }`; next time use --to { $id }

## What the templates show the writer in the guided letter, copied from templates/ID.hbs (the
## English templates are the source; change both together). Translations use the same ids:
## template-ID-title, template-ID-summary, question-ID-KEY (the prompt), question-ID-KEY-help,
## choice-ID-KEY-VALUE (a choice's label).

template-chase-title = Chase a letter that got no reply
template-chase-summary = Politely follow up a letter you sent some weeks ago and ask again for a yes-or-no answer.
question-chase-previous_date = When did you send your first letter?
question-chase-previous_date-help = For example "3 October 2026". Office staff use it to find your letter. `outcry write --template chase --previous FILE` reads it from the letter.
question-chase-previous_ask = What did your first letter ask? (optional)
question-chase-previous_ask-help = The question as you wrote it, e.g. "Will you cosponsor H.R.2114?". `--previous FILE` reads it from the letter; if it is empty, the letter asks again for the topic below.
question-chase-topic = What did you ask for?
choice-chase-topic-law = A law against transplant tourism
choice-chase-topic-investigation = An independent international investigation
choice-chase-topic-trade = Due diligence so that trade does not support forced organ harvesting
choice-chase-topic-medical = Medical integrity: reporting duties, ethical research
question-chase-personal = Anything to add in your own words? (optional)
question-chase-personal-help = For example something that has happened since you wrote.

template-company-due-diligence-title = Ask a company to make sure it is not complicit
template-company-due-diligence-summary = Ask an airline, travel firm, insurer, drug or device maker, university or other business to publish a policy against any part in forced organ harvesting.
question-company-due-diligence-relationship = What is your connection to them?
choice-company-due-diligence-relationship-customer = I am a customer
choice-company-due-diligence-relationship-investor = I am a shareholder or investor
choice-company-due-diligence-relationship-member = I study, work or have studied there
choice-company-due-diligence-relationship-public = I am a member of the public
question-company-due-diligence-personal = In your own words, why does this matter to you?
question-company-due-diligence-personal-help = Two or three sentences of your own. Offices give far more weight to a letter in the writer's own words than to a form letter.
question-company-due-diligence-connection = Who you are, in a few words (optional)
question-company-due-diligence-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital" or "a retired teacher".
question-company-due-diligence-reply = Would you like a written reply?

template-letter-to-editor-title = Letter to the editor
template-letter-to-editor-summary = Make the facts known: a short letter for publication in a newspaper or magazine, with a local angle of your own.
question-letter-to-editor-headline = A suggested headline (optional)
question-letter-to-editor-hook = What prompted you to write? (optional, one sentence)
question-letter-to-editor-hook-help = Editors prefer letters that respond to something they published or to local news, e.g. "Your report on organ donation (12 November) ...".
question-letter-to-editor-personal = In your own words, why does this matter to you?
question-letter-to-editor-personal-help = Two or three sentences. Papers print letters of about 200 words, so keep it short.

template-medical-integrity-title = Protect medical integrity
template-medical-integrity-summary = Ask a health ministry, regulator, hospital, professional body or journal to act so that medicine plays no part in forced organ harvesting.
question-medical-integrity-personal = In your own words, why does this matter to you?
question-medical-integrity-personal-help = Two or three sentences of your own. Offices give far more weight to a letter in the writer's own words than to a form letter.
question-medical-integrity-connection = Who you are, in a few words (optional)
question-medical-integrity-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital" or "a retired teacher".
question-medical-integrity-reply = Would you like a written reply?

template-thank-you-title = Thank you, and please keep going
template-thank-you-summary = Thank a representative or official who replied, spoke up or voted well, and ask them to keep pressing.
question-thank-you-action = What are you thanking them for?
question-thank-you-action-help = Finish the sentence "Thank you for ...", e.g. "voting for H.R.1503", "your reply of 3 October", "raising organ tourism in Parliament".
question-thank-you-topic = What should they keep pressing for?
choice-thank-you-topic-law = A law against transplant tourism
choice-thank-you-topic-investigation = An independent international investigation
choice-thank-you-topic-trade = Due diligence so that trade does not support forced organ harvesting
choice-thank-you-topic-medical = Medical integrity: reporting duties, ethical research
question-thank-you-personal = In your own words, what did their action mean to you?
question-thank-you-personal-help = One or two sentences of your own.
question-thank-you-connection = Who you are, in a few words (optional)
question-thank-you-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital".
question-thank-you-reply = Would you like a written reply?

template-trade-due-diligence-title = Keep trade from supporting forced organ harvesting
template-trade-due-diligence-summary = Ask for due diligence so that trade with China does not support forced organ harvesting.
question-trade-due-diligence-personal = In your own words, why does this matter to you?
question-trade-due-diligence-personal-help = Two or three sentences of your own. Offices give far more weight to a letter in the writer's own words than to a form letter.
question-trade-due-diligence-connection = Who you are, in a few words (optional)
question-trade-due-diligence-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital" or "a retired teacher".
question-trade-due-diligence-reply = Would you like a written reply?

template-transplant-tourism-law-title = Pass a law against transplant tourism
template-transplant-tourism-law-summary = Ask a legislator or minister for the law that fits where they are: a bill to move, a gap to close, or a law to enforce, so that no one from here buys an organ taken without consent.
question-transplant-tourism-law-personal = In your own words, why does this matter to you?
question-transplant-tourism-law-personal-help = Two or three sentences of your own. Offices give far more weight to a letter in the writer's own words than to a form letter.
question-transplant-tourism-law-connection = Who you are, in a few words (optional)
question-transplant-tourism-law-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital" or "a retired teacher".
question-transplant-tourism-law-reply = Would you like a written reply?

template-un-investigation-title = Call for an independent international investigation
template-un-investigation-summary = Ask for an independent international investigation of forced organ harvesting in China, pressed through the channels the recipient can use.
question-un-investigation-personal = In your own words, why does this matter to you?
question-un-investigation-personal-help = Two or three sentences of your own. Offices give far more weight to a letter in the writer's own words than to a form letter.
question-un-investigation-connection = Who you are, in a few words (optional)
question-un-investigation-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital" or "a retired teacher".
question-un-investigation-reply = Would you like a written reply?

template-un-special-procedures-title = Ask UN human rights experts to follow up
template-un-special-procedures-summary = Ask the UN special procedures that voiced alarm in 2021 to follow up with China publicly and seek access to its transplant system.
question-un-special-procedures-mandate = Which expert should the letter be addressed to?
question-un-special-procedures-mandate-help = OHCHR asks that messages to its general mailbox say in the subject line which mandate holder they are for. All five joined the 2021 statement.
choice-un-special-procedures-mandate-torture = Special Rapporteur on torture
choice-un-special-procedures-mandate-trafficking = Special Rapporteur on trafficking in persons
choice-un-special-procedures-mandate-health = Special Rapporteur on the right to health
choice-un-special-procedures-mandate-religion = Special Rapporteur on freedom of religion or belief
choice-un-special-procedures-mandate-minorities = Special Rapporteur on minority issues
question-un-special-procedures-personal = In your own words, why does this matter to you?
question-un-special-procedures-personal-help = Two or three sentences of your own. Offices give far more weight to a letter in the writer's own words than to a form letter.
question-un-special-procedures-connection = Who you are, in a few words (optional)
question-un-special-procedures-connection-help = It finishes the sentence "I am ...", for example "a nurse at the local hospital" or "a retired teacher".
question-un-special-procedures-reply = Would you like an acknowledgement?
