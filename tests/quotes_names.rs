//! Names, titles and single words in quotation marks are not speech unless someone says
//! them in a frame that quotes words ("als „…“ bezeichnet", "nannte es einen „…“").
//! Made-up sentences only.

mod common;

use common::article;
use kiosk::extract::quotes::extract;

fn quote_texts(paragraphs: &[&str]) -> Vec<String> {
    extract(&article(paragraphs))
        .0
        .into_iter()
        .map(|q| q.text)
        .collect()
}

fn none(paragraph: &str) {
    let found = quote_texts(&[paragraph]);
    assert!(found.is_empty(), "{paragraph}\n  took {found:?}");
}

#[test]
fn a_name_inside_a_phrase_is_no_quote() {
    none(
        "Ein Sprecher der „Polizei von Springfield“, Hauptmann Tom Berg sagte, das Flugzeug sei abgestürzt.",
    );
    none(
        "Bei einer Pressekonferenz sagte die Sprecherin von „Ärzte ohne Grenzen“, man werde helfen.",
    );
}

#[test]
fn a_single_word_needs_a_frame_that_quotes_it() {
    none("Der Pilot sah sich gezwungen, den Fluggast zu „entsorgen“.");
    none("Die Datenschützer warfen der Regierung unter anderem „Wortbruch“ vor.");
    none(
        "Tony Auden, ein Sprecher des Wetterdienstes, wies darauf hin, dass sich „Larry“ abgeschwächt habe.",
    );
    let framed = extract(&article(&[
        "Der Minister bezeichnete die Pläne als „Wortbruch“.",
    ]))
    .0;
    assert_eq!(framed.len(), 1);
    assert_eq!(framed[0].speaker.as_deref(), Some("Minister"));
    assert_eq!(
        quote_texts(&["Die Ministerin nannte die Absage einen „Vertrauensbruch“."]),
        vec!["Vertrauensbruch".to_string()]
    );
}

#[test]
fn a_code_name_or_a_title_after_a_colon() {
    none("Die neue Version (Codename: „Maelstrom“) erscheint im Mai.");
    none("Auf dem Konzert stellte die Band ihre neue CD vor: „Have a nice day“.");
}

#[test]
fn a_name_something_gives_itself() {
    none("Die Junta, die sich selbst „Rat für nationale Erneuerung“ nennt, regiert seit Mai.");
    none("In Kuba werden sie meist „Los Cinco Heroes“ genannt.");
    none("„Gewalt gegen Kinder“, so lautet der Titel einer neuen Studie.");
    none(
        "Der Artname wird von der Mine abgeleitet, der Name lautet also „riesige Boa von Cerrejón“.",
    );
}

#[test]
fn a_translation_in_brackets_is_no_quote() {
    none("Die Partei Jobbik („Bewegung für ein besseres Ungarn“) gewann viele Sitze.");
}

#[test]
fn naming_with_no_one_who_names() {
    none("Sie wird die Zahl der Aktien verdreifachen. Dies nennt man einen „Aktiensplit“.");
}

#[test]
fn words_said_in_a_frame_stay_speech() {
    let found = extract(&article(&[
        "Auf Twitter zeigte sich die Bundesregierung bestürzt über den Vorfall und verurteilte ihn als „hinterhältigen Anschlag“.",
    ]))
    .0;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker.as_deref(), Some("Bundesregierung"));
}
