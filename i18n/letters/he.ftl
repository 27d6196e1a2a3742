### outcry: the words around a letter written in Hebrew (Israel).
### Native conventions: a formal letter or e-mail opens with "לכבוד" and the
### recipient's office and name on one line, then "שלום רב," on the next; it
### closes "בכבוד רב,". Titles follow the recipient's gender (חבר/חברת הכנסת,
### השר/השרה); when the gender is unknown the abbreviation ח״כ, which has one
### written form for both, or the bare name is used. The letter text avoids
### gendered forms for both writer and recipient (see data/campaign/README.md, "Gender").
###
### Arguments passed by the code:
###   $role    legislator (member of a national or regional parliament)
###            | mep | minister | other
###   $gender  female | male | unknown (from the recipient's honorific)
###   $named   yes | no (whether a family name is known)
###   $family, $given, $name (full name), $title ("Dr. " with its space, or "")
### Hebrew salutations use the full name and no academic title.

## The salutation: two lines, the last without its final comma (the template
## adds it after "שלום רב").
salutation =
    { $role ->
        [minister]
            { $gender ->
                [female]
                    { $named ->
                        [yes]
                            לכבוד השרה { $name }
                            שלום רב
                       *[no]
                            לכבוד השרה
                            שלום רב
                    }
                [male]
                    { $named ->
                        [yes]
                            לכבוד השר { $name }
                            שלום רב
                       *[no]
                            לכבוד השר
                            שלום רב
                    }
               *[unknown]
                    { $named ->
                        [yes]
                            לכבוד { $name }
                            שלום רב
                       *[no] שלום רב
                    }
            }
        [other]
            { $gender ->
                [female]
                    { $named ->
                        [yes]
                            לכבוד גב׳ { $name }
                            שלום רב
                       *[no] שלום רב
                    }
                [male]
                    { $named ->
                        [yes]
                            לכבוד מר { $name }
                            שלום רב
                       *[no] שלום רב
                    }
               *[unknown]
                    { $named ->
                        [yes]
                            לכבוד { $name }
                            שלום רב
                       *[no] שלום רב
                    }
            }
        [mep]
            { $gender ->
                [female]
                    { $named ->
                        [yes]
                            לכבוד חברת הפרלמנט האירופי { $name }
                            שלום רב
                       *[no]
                            לכבוד חברת הפרלמנט האירופי
                            שלום רב
                    }
                [male]
                    { $named ->
                        [yes]
                            לכבוד חבר הפרלמנט האירופי { $name }
                            שלום רב
                       *[no]
                            לכבוד חבר הפרלמנט האירופי
                            שלום רב
                    }
               *[unknown]
                    { $named ->
                        [yes]
                            לכבוד { $name }
                            שלום רב
                       *[no] שלום רב
                    }
            }
       *[legislator]
            { $gender ->
                [female]
                    { $named ->
                        [yes]
                            לכבוד חברת הכנסת { $name }
                            שלום רב
                       *[no]
                            לכבוד חברת הכנסת
                            שלום רב
                    }
                [male]
                    { $named ->
                        [yes]
                            לכבוד חבר הכנסת { $name }
                            שלום רב
                       *[no]
                            לכבוד חבר הכנסת
                            שלום רב
                    }
               *[unknown]
                    { $named ->
                        [yes]
                            לכבוד ח״כ { $name }
                            שלום רב
                       *[no] שלום רב
                    }
            }
    }

## The closing, complete with its punctuation.
signoff = בכבוד רב,

## The word before the subject line, with the punctuation the language puts after it.
subject-label = הנדון:

## The heading of the numbered list of sources.
sources-heading = מקורות

## A date as written in a Hebrew letter: "29 בנובמבר 2026". The prefix ב is
## part of each month name, so that nothing can come between them.
## $day and $month are numbers; $year is written as given.
date =
    { $day } { $month ->
        [1] בינואר
        [2] בפברואר
        [3] במרץ
        [4] באפריל
        [5] במאי
        [6] ביוני
        [7] ביולי
        [8] באוגוסט
        [9] בספטמבר
        [10] באוקטובר
        [11] בנובמבר
       *[12] בדצמבר
    } { $year }

## Added to the writer's own paragraph when they wrote it in another language.
## $writer_language is one of the language-* names below, which carry the
## prefix ב ("באנגלית"), so the sentence reads "כתבתי באנגלית".
reply-either-language = את הפסקה האישית במכתב זה כתבתי { $writer_language }; אפשר להשיב לי בעברית או { $writer_language }.

## Language names with the prefix ב ("in English"), as the sentence above needs.
language-en = באנגלית
language-fr = בצרפתית
language-de = בגרמנית
language-es = בספרדית
language-it = באיטלקית
language-he = בעברית
language-zh = בסינית
language-ar = בערבית
language-ru = ברוסית
