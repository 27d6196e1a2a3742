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
