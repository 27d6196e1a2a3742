### outcry: the words around a letter written in Italian (Italy, Switzerland).
### Native conventions: a member of parliament (deputy, senator or MEP) is
### "Onorevole", which has one form for women and men; courtesy pronouns are
### capitalised in the letter ("Lei", "La ringrazio").
###
### Arguments passed by the code:
###   $role    legislator (member of a national or regional parliament)
###            | mep | minister | other
###   $gender  female | male | unknown (from the recipient's honorific)
###   $named   yes | no (whether a family name is known)
###   $family, $given, $name (full name), $title ("Dr. " with its space, or "")
### Italian letters to officials do not use $title in the salutation.

## The salutation, without its final comma (the template adds it).
salutation =
    { $role ->
        [minister]
            { $gender ->
                [female] Gentile Ministra
                [male] Gentile Ministro
               *[unknown]
                    { $named ->
                        [yes] Gentile { $name }
                       *[no] Gentili Signore e Signori
                    }
            }
        [other]
            { $gender ->
                [female]
                    { $named ->
                        [yes] Gentile Signora { $family }
                       *[no] Gentile Signora
                    }
                [male]
                    { $named ->
                        [yes] Gentile Signor { $family }
                       *[no] Gentile Signore
                    }
               *[unknown]
                    { $named ->
                        [yes] Gentile { $name }
                       *[no] Gentili Signore e Signori
                    }
            }
        [mep] Gentile Onorevole
       *[legislator] Gentile Onorevole
    }

## The closing, complete (Italian letters put no punctuation after it).
signoff = Distinti saluti

## The word before the subject line, with the punctuation the language puts after it.
subject-label = Oggetto:

## The heading of the numbered list of sources.
sources-heading = Fonti

## A date as written in an Italian letter: "29 novembre 2026", "1º maggio 2027".
## $day and $month are numbers; $year is written as given.
date =
    { $day ->
        [1] 1º
       *[other] { $day }
    } { $month ->
        [1] gennaio
        [2] febbraio
        [3] marzo
        [4] aprile
        [5] maggio
        [6] giugno
        [7] luglio
        [8] agosto
        [9] settembre
        [10] ottobre
        [11] novembre
       *[12] dicembre
    } { $year }

## Added to the writer's own paragraph when they wrote it in another language.
## $writer_language is one of the language-* names below ("inglese").
reply-either-language = Ho scritto il paragrafo personale di questa lettera in { $writer_language }; può rispondermi in italiano o in { $writer_language }.

## Language names, as they follow "in" in the sentence above.
language-en = inglese
language-fr = francese
language-de = tedesco
language-es = spagnolo
language-it = italiano
language-he = ebraico
language-zh = cinese
language-ar = arabo
language-ru = russo
