### outcry: the words around a letter written in French (France, Belgium,
### Luxembourg, Switzerland). Native conventions: the salutation is the
### office without the name ("Madame la Députée"), and the closing formula
### repeats it.
###
### Arguments passed by the code:
###   $role    legislator (member of a national or regional parliament)
###            | mep | minister | other
###   $gender  female | male | unknown (from the recipient's honorific)
###   $named   yes | no (whether a family name is known)
###   $family, $given, $name (full name), $title ("Dr. " with its space, or "")
### French does not use $family or $title in a salutation.
### Typography: a no-break space (U+00A0) comes before ; : ? ! and inside « ».

## The salutation, without its final comma (the template adds it).
salutation =
    { $role ->
        [minister]
            { $gender ->
                [female] Madame la Ministre
                [male] Monsieur le Ministre
               *[unknown] Madame, Monsieur
            }
        [other]
            { $gender ->
                [female] Madame
                [male] Monsieur
               *[unknown] Madame, Monsieur
            }
        [mep]
            { $gender ->
                [female] Madame la Députée
                [male] Monsieur le Député
               *[unknown] Madame, Monsieur
            }
       *[legislator]
            { $gender ->
                [female] Madame la Députée
                [male] Monsieur le Député
               *[unknown] Madame, Monsieur
            }
    }

## The closing formula, complete with its punctuation. It repeats the
## salutation, as a French letter to an official does.
signoff =
    { $role ->
        [minister]
            { $gender ->
                [female] Je vous prie d'agréer, Madame la Ministre, l'expression de ma haute considération.
                [male] Je vous prie d'agréer, Monsieur le Ministre, l'expression de ma haute considération.
               *[unknown] Je vous prie d'agréer, Madame, Monsieur, l'expression de ma haute considération.
            }
        [other]
            { $gender ->
                [female] Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.
                [male] Je vous prie d'agréer, Monsieur, l'expression de mes salutations distinguées.
               *[unknown] Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
            }
        [mep]
            { $gender ->
                [female] Je vous prie d'agréer, Madame la Députée, l'expression de ma haute considération.
                [male] Je vous prie d'agréer, Monsieur le Député, l'expression de ma haute considération.
               *[unknown] Je vous prie d'agréer, Madame, Monsieur, l'expression de ma haute considération.
            }
       *[legislator]
            { $gender ->
                [female] Je vous prie d'agréer, Madame la Députée, l'expression de ma haute considération.
                [male] Je vous prie d'agréer, Monsieur le Député, l'expression de ma haute considération.
               *[unknown] Je vous prie d'agréer, Madame, Monsieur, l'expression de ma haute considération.
            }
    }

## The word before the subject line, with the punctuation the language puts after it.
subject-label = Objet :

## The heading of the numbered list of sources.
sources-heading = Sources

## A date as written in a French letter: "29 novembre 2026", "1er mai 2027".
## $day and $month are numbers; $year is written as given.
date =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }

## Added to the writer's own paragraph when they wrote it in another language.
## $writer_language is one of the language-* names below ("anglais").
reply-either-language = J'ai écrit le paragraphe personnel de cette lettre en { $writer_language } ; vous pouvez me répondre en français ou en { $writer_language }.

## Language names, as they follow "en" in the sentence above.
language-en = anglais
language-fr = français
language-de = allemand
language-es = espagnol
language-it = italien
language-he = hébreu
language-zh = chinois
language-ar = arabe
language-ru = russe
