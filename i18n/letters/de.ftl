### outcry: the words around a letter written in German (Germany, Austria,
### Luxembourg, Belgium, Switzerland). Native conventions (DIN 5008): the
### salutation ends with a comma and the letter text after it begins with a
### lower-case letter; the closing "Mit freundlichen Grüßen" has no comma.
###
### Arguments passed by the code:
###   $role    legislator (member of a national or regional parliament)
###            | mep | minister | other
###   $gender  female | male | unknown (from the recipient's honorific)
###   $named   yes | no (whether a family name is known)
###   $family, $given, $name (full name), $title ("Dr. " with its space, or "")
### With an unknown gender German uses "Sehr geehrte Damen und Herren"; a
### "Sehr geehrte/r" form is avoided.

## The salutation, without its final comma (the template adds it).
salutation =
    { $role ->
        [minister]
            { $gender ->
                [female] Sehr geehrte Frau Ministerin
                [male] Sehr geehrter Herr Minister
               *[unknown] Sehr geehrte Damen und Herren
            }
        [other]
            { $gender ->
                [female]
                    { $named ->
                        [yes] Sehr geehrte Frau { $title }{ $family }
                       *[no] Sehr geehrte Damen und Herren
                    }
                [male]
                    { $named ->
                        [yes] Sehr geehrter Herr { $title }{ $family }
                       *[no] Sehr geehrte Damen und Herren
                    }
               *[unknown] Sehr geehrte Damen und Herren
            }
        [mep]
            { $gender ->
                [female]
                    { $named ->
                        [yes] Sehr geehrte Frau { $title }{ $family }
                       *[no] Sehr geehrte Frau Abgeordnete
                    }
                [male]
                    { $named ->
                        [yes] Sehr geehrter Herr { $title }{ $family }
                       *[no] Sehr geehrter Herr Abgeordneter
                    }
               *[unknown] Sehr geehrte Damen und Herren
            }
       *[legislator]
            { $gender ->
                [female]
                    { $named ->
                        [yes] Sehr geehrte Frau { $title }{ $family }
                       *[no] Sehr geehrte Frau Abgeordnete
                    }
                [male]
                    { $named ->
                        [yes] Sehr geehrter Herr { $title }{ $family }
                       *[no] Sehr geehrter Herr Abgeordneter
                    }
               *[unknown] Sehr geehrte Damen und Herren
            }
    }

## The closing, complete (German puts no comma after it).
signoff = Mit freundlichen Grüßen

## The word before the subject line, with the punctuation the language puts after it.
subject-label = Betreff:

## The heading of the numbered list of sources.
sources-heading = Quellen

## A date as written in a German letter: "29. November 2026".
## $day and $month are numbers; $year is written as given.
## (Austrian letters write "Jänner" for January; not distinguished here.)
date =
    { $day }. { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }

## Added to the writer's own paragraph when they wrote it in another language.
## $writer_language is one of the language-* names below ("Englisch").
reply-either-language = Den persönlichen Absatz dieses Briefes habe ich auf { $writer_language } geschrieben. Sie können mir gern auf Deutsch oder auf { $writer_language } antworten.

## Language names, as they follow "auf" in the sentence above.
language-en = Englisch
language-fr = Französisch
language-de = Deutsch
language-es = Spanisch
language-it = Italienisch
language-he = Hebräisch
language-zh = Chinesisch
language-ar = Arabisch
language-ru = Russisch
