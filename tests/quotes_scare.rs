//! Scare quotes are not quotes: terms, titles, names, media names and short phrases in
//! quotation marks with no speech around them. Made-up sentences only.

use kiosk::extract::quotes::extract;
use kiosk::model::{Article, Section};

fn article(title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: "test".into(),
        title: title.into(),
        sections: vec![Section {
            heading: None,
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }],
        ..Article::default()
    }
}

fn quote_texts(paragraphs: &[&str]) -> Vec<String> {
    extract(&article("Ein Titel", paragraphs))
        .0
        .into_iter()
        .map(|q| q.text)
        .collect()
}

#[test]
fn a_term_with_no_speech_around_it() {
    assert!(
        quote_texts(&["Die Partei plant eine „Anti-Steuer-Allianz“ mit den Nachbarn."]).is_empty()
    );
}

#[test]
fn a_single_word_with_no_speaker() {
    assert!(
        quote_texts(&["Die beiden Staaten nennen sich gern „Brüder“ und handeln miteinander."])
            .is_empty()
    );
}

#[test]
fn a_short_phrase_with_no_speaker() {
    assert!(quote_texts(&["Der Minister wirkte „sehr müde“ und ging früh nach Hause."]).is_empty());
}

#[test]
fn a_title_after_its_noun() {
    assert!(
        quote_texts(&["Der Film „Die lange Nacht der kleinen Stadt“ läuft ab Donnerstag im Kino."])
            .is_empty()
    );
}

#[test]
fn a_media_name_that_reports() {
    assert!(
        quote_texts(&["Wie die „Rheinische Post“ berichtet, sinken die Preise weiter."]).is_empty()
    );
    assert!(
        quote_texts(&["Das meldete am Montag die Agentur „Nordnews“ unter Berufung auf Kreise."])
            .is_empty()
    );
    assert!(
        quote_texts(&["Das sagte der Minister gegenüber dem „Nordkurier“ am Montag."]).is_empty()
    );
    assert_eq!(
        quote_texts(&["„Die Lage bleibt ernst“, sagte sie in der „Abendschau“ am Sonntag."]),
        vec!["Die Lage bleibt ernst"]
    );
}

#[test]
fn a_web_address() {
    assert!(
        quote_texts(&["Gemäß einer Meldung von „nordnews.example“ ist das Spiel abgesagt."])
            .is_empty()
    );
}

#[test]
fn a_title_after_a_bare_colon() {
    assert!(
        quote_texts(&[
            "Die Sängerin Lena Roth stellte ihr neues Album vor: „Songs of the Long Winter“."
        ])
        .is_empty()
    );
}

#[test]
fn a_name_in_title_case() {
    assert!(quote_texts(&["Das Land setzt lieber auf „Soft Power“ statt auf Waffen."]).is_empty());
    assert!(
        quote_texts(&["Sie spielte lange beim „Hamburger Sportverein“ in der ersten Liga."])
            .is_empty()
    );
}

#[test]
fn a_quoted_part_of_a_compound() {
    assert!(quote_texts(&["Sie liefern „Dual Use“-Güter an das Land."]).is_empty());
}

#[test]
fn a_so_called_term() {
    assert!(
        quote_texts(&["Die so genannten „Wutbürger“ protestieren wieder vor dem Rathaus."])
            .is_empty()
    );
    assert!(quote_texts(&["Der Plan, auch „Neuer Weg“ genannt, wurde verworfen."]).is_empty());
}

#[test]
fn a_name_with_its_abbreviation() {
    assert!(
        quote_texts(&["Das „Zentrum für Klimafolgen“ (ZKF) legt am Montag einen Bericht vor."])
            .is_empty()
    );
}

#[test]
fn a_term_that_also_stands_in_the_title() {
    let a = article(
        "Plant der Kanzler eine „Nordallianz“?",
        &["Der Experte Jens Ohm erklärt, dass eine „Nordallianz“ kaum möglich sei."],
    );
    assert!(extract(&a).0.is_empty());
}

#[test]
fn speech_still_counts_next_to_scare_quotes() {
    let texts = quote_texts(&[
        "Die „Wutbürger“ sind wieder da. „Wir lassen uns das nicht gefallen“, sagte ihr Sprecher Ralf Ost.",
    ]);
    assert_eq!(texts, vec!["Wir lassen uns das nicht gefallen"]);
}

#[test]
fn a_quoted_name_that_is_the_speaker_itself() {
    assert!(
        quote_texts(&[
            "„Helfer ohne Grenzen“ sowie das Rote Kreuz kündigten an, mehr Leute zu schicken."
        ])
        .is_empty()
    );
}
