### outcry: the words around a letter written in Spanish (Spain). Native
### conventions: the salutation ends with a colon (added by the template) and
### the letter begins, capitalised, on a new paragraph; office titles are
### written in lower case ("Estimada señora diputada").
###
### Arguments passed by the code:
###   $role    legislator (member of a national or regional parliament)
###            | mep | minister | other
###   $gender  female | male | unknown (from the recipient's honorific)
###   $named   yes | no (whether a family name is known)
###   $family, $given, $name (full name), $title ("Dr. " with its space, or "")
### Spanish letters to officials do not use $title in the salutation. A member of parliament
### whose gender is not known is addressed "Señoría", the chamber's own form, which has one
### form for women and men.

## The salutation, without its final colon (the template adds it).
salutation =
    { $role ->
        [minister]
            { $gender ->
                [female] Estimada señora ministra
                [male] Estimado señor ministro
               *[unknown]
                    { $named ->
                        [yes] Estimado/a { $name }
                       *[no] Estimados señores
                    }
            }
        [other]
            { $gender ->
                [female]
                    { $named ->
                        [yes] Estimada señora { $family }
                       *[no] Estimada señora
                    }
                [male]
                    { $named ->
                        [yes] Estimado señor { $family }
                       *[no] Estimado señor
                    }
               *[unknown]
                    { $named ->
                        [yes] Estimado/a { $name }
                       *[no] Estimados señores
                    }
            }
        [mep]
            { $gender ->
                [female] Estimada señora diputada
                [male] Estimado señor diputado
               *[unknown] Señoría
            }
       *[legislator]
            { $gender ->
                [female] Estimada señora diputada
                [male] Estimado señor diputado
               *[unknown] Señoría
            }
    }

## The closing, complete with its punctuation.
signoff = Atentamente,

## The word before the subject line, with the punctuation the language puts after it.
subject-label = Asunto:

## The heading of the numbered list of sources.
sources-heading = Fuentes

## A date as written in a Spanish letter: "29 de noviembre de 2026".
## $day and $month are numbers; $year is written as given.
date =
    { $day } de { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    } de { $year }

## Added to the writer's own paragraph when they wrote it in another language.
## $writer_language is one of the language-* names below ("inglés").
reply-either-language = He escrito el párrafo personal de esta carta en { $writer_language }; puede responderme en español o en { $writer_language }.

## Language names, as they follow "en" in the sentence above.
language-en = inglés
language-fr = francés
language-de = alemán
language-es = español
language-it = italiano
language-he = hebreo
language-zh = chino
language-ar = árabe
language-ru = ruso
