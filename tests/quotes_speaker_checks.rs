//! Who may be a speaker: a person, a role or a body, never the object of the verb, a
//! document without its author, a genitive place or the thing a passive names; and the
//! frames that name the speaker further away ("Wie X sagte, …", "X („…“)", the last
//! clause before a colon, the person the sentence before was about). Made-up sentences.

mod common;

use common::article;
use kiosk::extract::quotes::extract;
use kiosk::extract::speakers::{is_body_word, is_role_word};

/// Each quote's text and speaker.
fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
    extract(&article(paragraphs))
        .0
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

/// The speaker of the only quote.
fn speaker(paragraphs: &[&str]) -> Option<String> {
    let found = quotes(paragraphs);
    assert_eq!(
        found.len(),
        1,
        "expected one quote in {paragraphs:?}, got {found:?}"
    );
    found[0].1.clone()
}

#[test]
fn the_object_of_the_verb_is_not_the_speaker() {
    assert_eq!(
        speaker(&[
            "Krämer beschrieb die Lage des Konzerns mit den Worten: „Die Aussichten sind aus unserer Sicht sehr gut.“"
        ]),
        Some("Krämer".into())
    );
}

#[test]
fn a_phrase_that_names_no_one_gives_no_speaker() {
    assert_eq!(
        speaker(&[
            "Derzeit gilt für alle Ämter noch die Regel: „Die gespeicherten Daten sind nach einem Jahr zu löschen.“"
        ]),
        None
    );
}

#[test]
fn a_genitive_country_is_no_name() {
    let found = quotes(&[
        "Das Staatsoberhaupt Neuseelands, die britische Königin, bat um Hilfe. „Wir stehen an eurer Seite“, sagte die britische Königin.",
    ]);
    let name = found[0].1.clone().unwrap_or_default();
    assert!(name.contains("Königin"), "{found:?}");
    assert!(!name.contains("Neuseeland"), "{found:?}");
}

#[test]
fn a_document_speaks_through_its_author_or_itself() {
    let with_author = speaker(&[
        "In einer Mitteilung des Umweltministeriums heißt es: „Die gemessenen Werte sind völlig unbedenklich.“",
    ]);
    assert!(
        with_author
            .as_deref()
            .is_some_and(|s| s.contains("Umweltministerium")),
        "{with_author:?}"
    );
    // with no author the text itself is the source
    assert_eq!(
        speaker(&["Im Bericht heißt es: „Die Lage im Land ist weiterhin sehr ernst.“"]),
        Some("Bericht".into())
    );
    // an utterance noun names no one
    assert_eq!(
        speaker(&["In der Kritik heißt es: „Die Lage im Land ist weiterhin sehr ernst.“"]),
        None
    );
}

#[test]
fn a_passive_names_its_speaker_with_von() {
    let found = speaker(&[
        "Seine Romane werden von Kritikern als „Meisterwerke der modernen Literatur“ bezeichnet.",
    ]);
    assert!(
        found.as_deref().is_some_and(|s| s.contains("Kritiker")),
        "{found:?}"
    );
    // the thing named in a passive never speaks
    assert_eq!(
        speaker(&[
            "Die Verkehrsbetriebe wurden gestern als „eine bedeutende Organisation innerhalb der Stadt“ bezeichnet."
        ]),
        None
    );
}

#[test]
fn the_subject_after_an_auxiliary() {
    assert_eq!(
        speaker(&[
            "Im Dezember hatte Kanzlerin Maria Weber in einer Rede verkündet: „Wir werden die Bewerbung von Anfang an unterstützen.“"
        ]),
        Some("Maria Weber".into())
    );
}

#[test]
fn wie_x_sagte_speaks_for_the_sentence() {
    // a lowercase fragment after a title noun ("Gesetz") is words, not a title
    assert_eq!(
        speaker(&[
            "Wie der Finanzminister Hans Möller am Dienstag erklärte, sieht die Regierung in dem Gesetz „kein Hindernis für den freien Handel“."
        ]),
        Some("Hans Möller".into())
    );
}

#[test]
fn a_quoted_sentence_in_brackets_after_a_name() {
    assert_eq!(
        speaker(&[
            "Gratuliert haben viele, darunter der Leiter der Behörde, Max Berger („Niemand hat diese Ehre mehr verdient.“), und andere."
        ]),
        Some("Max Berger".into())
    );
}

#[test]
fn the_last_clause_before_a_colon_names_the_speaker() {
    assert_eq!(
        speaker(&[
            "Es gratulierten der Sprecher der Regierung, und der norwegische Ministerpräsident Jens Olsen: „Der Preis kommt genau zur rechten Zeit.“"
        ]),
        Some("Jens Olsen".into())
    );
}

#[test]
fn a_naming_verb_holds_the_quote_of_its_own_clause() {
    assert_eq!(
        speaker(&[
            "Klaus Berg nannte seinen Platzverweis „völlig überzogen“, Trainer Jan Löwe bezeichnete das Spiel als fair."
        ]),
        Some("Klaus Berg".into())
    );
}

#[test]
fn a_quoted_sentence_after_a_sentence_about_one_person() {
    let found = quotes(&[
        "Sadiq Kahn, einer der Unterzeichner, verurteilte die Haltung der Regierung. „Diese Politik wird von fast allen als ungerecht angesehen.“",
    ]);
    assert_eq!(found[0].1.as_deref(), Some("Sadiq Kahn"), "{found:?}");
}

#[test]
fn an_object_in_the_accusative_is_no_subject() {
    assert_eq!(
        speaker(&[
            "Den Unmut der Partei brachte die Sprecherin der Fraktion, Anna Berg, zum Ausdruck: „Es gibt keinen Grund, jetzt etwas aufzugeben.“"
        ]),
        Some("Anna Berg".into())
    );
}

#[test]
fn role_and_body_words_in_any_inflection() {
    for role in [
        "Demonstranten",
        "Musikkennern",
        "Meteorologen",
        "Sprecherin",
    ] {
        assert!(is_role_word(role), "{role}");
    }
    for body in ["Behörden", "Senats", "Bundesregierung", "Kammer"] {
        assert!(is_body_word(body), "{body}");
    }
    for neither in ["Bedeutung", "Hergang", "Ausführung", "Werke"] {
        assert!(
            !is_role_word(neither) && !is_body_word(neither),
            "{neither}"
        );
    }
}

/// A text with its article inside the preposition ("im Gutachten") or named by a
/// genitive ("das Fazit des Berichts") is the source of its words too.
#[test]
fn a_text_after_im_or_in_a_genitive_is_the_source() {
    assert_eq!(
        speaker(&["Im Gutachten heißt es: „Die Tragfähigkeit der Brücke ist nicht mehr gegeben.“"]),
        Some("Gutachten".into())
    );
    assert_eq!(
        speaker(&["Im Bericht der Kommission heißt es: „Die Wahl war frei, aber nicht fair.“"]),
        Some("Kommission".into())
    );
    assert_eq!(
        speaker(&["Das Fazit des Berichts lautete: „Die Wahl war frei, aber nicht fair.“"]),
        Some("Berichts".into())
    );
}

/// A text quoted with no author is the source of its words ("laut dem Bericht"); an
/// utterance noun alone ("die Kritik") names no one.
#[test]
fn a_text_with_no_author_is_the_source_of_its_words() {
    assert_eq!(
        speaker(&[
            "Die Brücke wurde im Mai geprüft. „Die Tragfähigkeit ist nicht mehr gegeben“, heißt es in dem Gutachten."
        ]),
        Some("Gutachten".into())
    );
    assert_eq!(
        speaker(&[
            "Die Brücke wurde im Mai geprüft. „Die Tragfähigkeit ist nicht mehr gegeben“, lautete die Kritik."
        ]),
        None
    );
}

/// No pronoun points to a text: "sie" after a quoted report is the person before it.
#[test]
fn a_pronoun_does_not_point_to_a_text() {
    let found = quotes(&[
        "Die Ministerin Karla Stein las den Bericht am Montag. „Die Lage ist ernst“, heißt es in dem Bericht. Sie sagte danach: „Wir werden handeln.“",
    ]);
    let speakers: Vec<_> = found.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(speakers, [Some("Bericht"), Some("Karla Stein")]);
}

/// "Ab und zu …": a preposition opening the sentence is no name.
#[test]
fn a_capitalised_preposition_is_no_speaker() {
    assert_eq!(
        speaker(&[
            "Der Patient schlief viel. Ab und zu war er wach und hatte gefragt: „Wann darf ich nach Hause?“"
        ])
        .as_deref()
        .filter(|s| *s == "Ab"),
        None
    );
}

/// A web address is a name, not the start of a phrase that runs on into the sentence.
#[test]
fn a_web_address_is_a_name_of_its_own() {
    let found = quotes(&[
        "Laut wetter.de blieben einige Wanderer auf dem Gipfel. Sie riefen „Wir warten hier, bis es hell wird“.",
    ]);
    assert_eq!(found.len(), 1);
    let speaker = found[0].1.clone().unwrap_or_default();
    assert!(!speaker.contains("blieben"), "{speaker}");
}

/// "der Schriftsteller X in einem Blogeintrag": a writer is a role, the blog post no part
/// of the name; "Merkels langjähriger Sprecher X": a genitive and an adjective before
/// the role.
#[test]
fn roles_before_a_name_with_what_surrounds_them() {
    assert_eq!(
        speaker(&[
            "Doch sei es, so der kenianische Schriftsteller Peter Otieno in einem Blogeintrag, ein Werk „mächtiger Leute, die sich gern einmischen wollen“."
        ]),
        Some("Peter Otieno".into())
    );
    assert_eq!(
        speaker(&["Brandts wissenschaftlicher Mitarbeiter Jan Ole Kern sagte: „Das prüfen wir.“"]),
        Some("Jan Ole Kern".into())
    );
}

/// "Er sagte, X brauche Y und fügte hinzu": the reported clause holds what was said; the
/// verb after "und" goes on with the one who said it.
#[test]
fn a_verb_after_reported_speech_goes_on_with_the_speaker() {
    assert_eq!(
        speaker(&[
            "Laura Brandt lobte den Plan. Sie sagte, die Stadt brauche mehr Busse und fügte hinzu: „Wer kann das ohne Geld schaffen?“"
        ]),
        Some("Laura Brandt".into())
    );
}

/// "Wenige Stunden nach dem Putsch erklärte …": a quantifier opening the sentence is no
/// name.
#[test]
fn a_quantifier_is_no_speaker() {
    let found = quotes(&[
        "Wenige Stunden nach dem Putsch erklärte der neue „Rat für Einheit und Frieden“ die Regierung für abgesetzt.",
    ]);
    assert!(
        found.iter().all(|(_, s)| s.as_deref() != Some("Wenige")),
        "{found:?}"
    );
}

/// A full name right after a role and its body, with no comma between.
#[test]
fn a_name_right_after_the_body_of_a_role() {
    let article = common::article(&[
        "Der Vorsitzende des Lehrerverbandes Niedersachsen Hans-Peter Lorenz nannte den Plan einen Fehler: „Das geht an den Schulen vorbei.“",
    ]);
    let (found, speakers) = extract(&article);
    assert_eq!(found[0].speaker.as_deref(), Some("Hans-Peter Lorenz"));
    assert_eq!(
        speakers[0].role.as_deref(),
        Some("Vorsitzende des Lehrerverbandes Niedersachsen")
    );
}

/// What stands between commas after a name is their role only when it says what they
/// are: not an object, a list's next item or a relative clause.
#[test]
fn only_a_phrase_that_says_what_someone_is_is_their_role() {
    let role = |paragraph: &str| {
        let (_, speakers) = extract(&common::article(&[paragraph]));
        speakers.first().and_then(|s| s.role.clone())
    };
    assert_eq!(
        role(
            "Mit Blick auf das Grundwasser warnte der Geschäftsführer des Brauerbundes, Paul Kern, die Politik in einem Brief an sechs Bundesminister: „Das Wasser ist unser wichtigster Rohstoff.“"
        )
        .as_deref(),
        Some("Geschäftsführer des Brauerbundes")
    );
    assert_eq!(
        role(
            "Der Posten geht an Tom Reed, der 2018 kurzzeitig Minister gewesen war. Reed sagte: „Ich freue mich auf die Aufgabe.“"
        ),
        None
    );
}

/// Two given names before a surname are one name, not a role and a name.
#[test]
fn two_given_names_are_one_name() {
    assert_eq!(
        speaker(&["Peter Paul Brandl sagte: „Die Zahlen stimmen, wir haben richtig gerechnet.“"]),
        Some("Peter Paul Brandl".into())
    );
}

#[test]
fn meinen_right_after_a_quote_is_the_verb() {
    assert_eq!(
        speaker(&[
            "„Der Plan widerspricht allem, was versprochen wurde“, meinen die beiden Stadträte Eva Lind und Paul Roth in einer Erklärung."
        ]),
        Some("Eva Lind".to_string())
    );
    // elsewhere "meinen" is a possessive and attributes nothing
    assert_eq!(
        speaker(&[
            "Sie hat „meinen Plan für die Stadt vollkommen missverstanden“, klagt Eva Lind."
        ]),
        Some("Eva Lind".to_string())
    );
}

#[test]
fn the_person_after_the_opening_verb_speaks_for_the_verb_after_und() {
    assert_eq!(
        speaker(&[
            "Als die Polizei kam, schlug der Randalierer gegen die Tür und schrie: „Ich will sofort hier raus!“"
        ]),
        Some("Randalierer".to_string())
    );
    // the object after the verb does not speak
    assert_eq!(
        speaker(&["Danach lobte sie den Randalierer und sagte: „Er hat sich sehr gut benommen.“"]),
        None
    );
}

#[test]
fn nicht_or_an_adverb_before_an_adjective_stays_in_the_phrase() {
    assert_eq!(
        speaker(&[
            "Ein nicht genannter Sprecher der Firma bezeichnete den Kauf als „strategisch“."
        ]),
        Some("nicht genannter Sprecher der Firma".to_string())
    );
    // a text with an adverb before its adjective is still the source, not whoever spoke
    // before
    let found = quotes(&[
        "Die Zeitung „Nordkurier“ berichtete über den Fall.",
        "„Wir bedauern die Entscheidung sehr und prüfen nun alle Schritte“, heißt es in einer gestern verbreiteten Erklärung.",
    ]);
    assert_eq!(found.last().and_then(|q| q.1.as_deref()), Some("Erklärung"));
}

#[test]
fn a_quoted_name_after_von_does_not_end_the_cue() {
    let found = quotes(&[
        "Jan Koch nannte den Kauf „strategisch“. In der Mitteilung von „nordwind“ heißt es: „Wir wollen bis 2030 die größte Flotte der Küste haben.“",
    ]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1.as_deref(), Some("Mitteilung"));
}

#[test]
fn a_speech_noun_in_a_phrase_speaks_for_its_reported_clause() {
    assert_eq!(
        speaker(&[
            "Auf die Kritik der Opposition, es handle sich um ein „teures Geschenk an die Industrie“, das niemand brauche, antwortete die Ministerin nicht."
        ]),
        Some("Opposition".to_string())
    );
    // without a reported clause the noun only sets the scene
    assert_eq!(
        speaker(&[
            "Nach der Kritik der Opposition nannte die Ministerin den Plan „ein teures Geschenk an die Industrie“."
        ]),
        Some("Ministerin".to_string())
    );
}

#[test]
fn a_quote_credited_to_someone_in_the_next_sentence() {
    assert_eq!(
        speaker(&[
            "„Wer nichts wagt, der nicht gewinnt.“ Dieses dem Dichter Karl Weber zugeschriebene Wort gilt heute noch."
        ]),
        Some("Karl Weber".to_string())
    );
}

#[test]
fn a_paper_names_in_a_passive_label() {
    assert_eq!(
        speaker(&[
            "Die Stadtwerke wurden gestern im „Kurier“ als „ein Staat im Staate“ bezeichnet."
        ]),
        Some("Kurier".to_string())
    );
    assert_eq!(
        speaker(&["Die Stadtwerke wurden gestern als „ein Staat im Staate“ bezeichnet."]),
        None
    );
}

#[test]
fn heisst_es_in_a_relative_clause_after_a_text() {
    assert_eq!(
        speaker(&[
            "Das Gericht verwarf Teile des Gesetzes, in dem es unter anderem heißt: „Die Behörde darf jede Wohnung ohne Anordnung betreten.“"
        ]),
        Some("Gesetzes".to_string())
    );
}

#[test]
fn who_reached_a_conclusion_says_what_follows() {
    assert_eq!(
        speaker(&[
            "Die Kommission kam damit zu dem Ergebnis, „dass keine der Firmen gegen die Regeln verstoßen hat“."
        ]),
        Some("Kommission".to_string())
    );
    // the end of a speech is no conclusion
    assert_eq!(
        speaker(&["Zum Schluss, „nach langem Streit um jede einzelne Zeile“, stimmten alle zu."]),
        None
    );
}

#[test]
fn a_compound_with_a_lowercase_first_part_is_a_noun() {
    assert_eq!(
        speaker(&[
            "„Die Straßen sind seit dem Morgen völlig leer“, berichtete ein dpa-Korrespondent."
        ]),
        Some("dpa-Korrespondent".to_string())
    );
    assert_eq!(
        speaker(&[
            "Auf der kiosk-Homepage heißt es dazu: „Wir lesen jede Nachricht nur ein einziges Mal.“"
        ]),
        Some("kiosk-Homepage".to_string())
    );
}

#[test]
fn a_part_of_a_text_speaks_as_the_text() {
    let found = quotes(&[
        "Das Gericht sagte dazu nichts.",
        "Im letzten Satz der Anordnung heißt es: „Die Firma darf niemandem von dieser Untersuchung erzählen.“",
    ]);
    assert_eq!(found.last().and_then(|q| q.1.as_deref()), Some("Anordnung"));
}

#[test]
fn geschrieben_beside_stehen_is_a_text_speaking() {
    let found = quotes(&[
        "Der Bürgermeister ließ die Eingänge schmücken.",
        "An jedem Eingang musste ein Transparent hängen, auf dem geschrieben stand: „Wer hier parkt, zahlt hundert Euro.“",
    ]);
    assert_eq!(
        found.last().and_then(|q| q.1.as_deref()),
        Some("Transparent")
    );
    assert_eq!(
        speaker(&["Auf dem Plakat stand geschrieben: „Wir bleiben hier, was auch immer kommt.“"]),
        Some("Plakat".to_string())
    );
}

#[test]
fn a_text_holds_the_words_after_steht_or_fand_sich() {
    let found = quotes(&[
        "Minister Jan Koch wollte sich nicht äußern.",
        "Derzeit steht in dem Entwurf noch der Satz: „Die gespeicherten Daten sind nach einem Jahr zu löschen.“",
    ]);
    assert_eq!(found.last().and_then(|q| q.1.as_deref()), Some("Entwurf"));
    // a person who stands somewhere says nothing by it
    let found =
        quotes(&["Minister Jan Koch stand in der Halle und rief: „Wir geben nicht auf, niemals!“"]);
    assert_eq!(found[0].1.as_deref(), Some("Jan Koch"));
    // "fand sich": a paper holds the words, with or without a colon
    let found = quotes(&[
        "Minister Jan Koch wollte sich nicht äußern.",
        "In der Zeitung fand sich dazu die Feststellung „Wir stellen unsere Arbeit auf neue Beine“.",
    ]);
    assert_eq!(found.last().and_then(|q| q.1.as_deref()), Some("Zeitung"));
}

#[test]
fn nach_and_a_text_opening_the_sentence_is_its_source() {
    assert_eq!(
        speaker(&[
            "Nach dem Artikel 5 der Satzung wählt der Vorstand „die Leitung des Vereins für vier Jahre“."
        ]),
        Some("Artikel".to_string())
    );
    // a time after "nach" is no source
    let found = quotes(&[
        "Minister Jan Koch kam spät.",
        "Nach dem Treffen sagte er „nichts mehr dazu, auch nicht auf Nachfrage“.",
    ]);
    assert_eq!(found.last().and_then(|q| q.1.as_deref()), Some("Jan Koch"));
}
