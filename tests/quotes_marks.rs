//! Quote spans: every quotation style, nested quotes, unbalanced marks, quotes over
//! several sentences and paragraphs, offsets. Made-up sentences only.

mod common;

use common::article;
use kiosk::extract::quotes::extract;
use kiosk::model::Quote;

fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    extract(&article(paragraphs)).0
}

/// The one quote of a paragraph: its text and speaker.
fn only(paragraph: &str) -> (String, Option<String>) {
    let found = quotes(&[paragraph]);
    assert_eq!(
        found.len(),
        1,
        "one quote expected in {paragraph:?}, got {found:#?}"
    );
    (found[0].text.clone(), found[0].speaker.clone())
}

#[test]
fn german_low_high_marks() {
    let (text, speaker) = only("„Wir werden die Steuern senken“, sagte Anna Berger am Abend.");
    assert_eq!(text, "Wir werden die Steuern senken");
    assert_eq!(speaker.as_deref(), Some("Anna Berger"));
}

#[test]
fn english_curly_marks() {
    let (text, speaker) = only("“The talks were productive and open,” said John Miller.");
    assert_eq!(text, "The talks were productive and open,");
    assert_eq!(speaker.as_deref(), Some("John Miller"));
}

#[test]
fn straight_double_marks() {
    let (text, speaker) =
        only("\"Das ist ein guter Tag für die Stadt\", sagte Bürgermeister Paul Krämer.");
    assert_eq!(text, "Das ist ein guter Tag für die Stadt");
    assert_eq!(speaker.as_deref(), Some("Paul Krämer"));
}

#[test]
fn guillemets_pointing_in() {
    let (text, speaker) = only("»Wir bleiben bei unserer Entscheidung«, erklärte Maria Lenz.");
    assert_eq!(text, "Wir bleiben bei unserer Entscheidung");
    assert_eq!(speaker.as_deref(), Some("Maria Lenz"));
}

#[test]
fn guillemets_pointing_out() {
    let (text, speaker) = only("«Die Lage ist ernst und wir handeln jetzt», sagte Peter Huber.");
    assert_eq!(text, "Die Lage ist ernst und wir handeln jetzt");
    assert_eq!(speaker.as_deref(), Some("Peter Huber"));
}

#[test]
fn german_single_marks() {
    let (text, speaker) = only("‚Wir hatten wirklich keine andere Wahl‘, schrieb Lisa Brandt.");
    assert_eq!(text, "Wir hatten wirklich keine andere Wahl");
    assert_eq!(speaker.as_deref(), Some("Lisa Brandt"));
}

#[test]
fn nested_quote_stays_one_quote() {
    let (text, speaker) = only(
        "„Er sagte mir: ‚Das ist nicht verhandelbar‘, und ging dann einfach“, berichtete Tom Weber.",
    );
    assert_eq!(
        text,
        "Er sagte mir: ‚Das ist nicht verhandelbar‘, und ging dann einfach"
    );
    assert_eq!(speaker.as_deref(), Some("Tom Weber"));
}

#[test]
fn nested_straight_single_marks() {
    let (text, _) =
        only("„Wir sind keine 'Achse des Guten' und wollen keine sein“, sagte Jonas Beck.");
    assert!(text.contains("'Achse des Guten'"), "{text}");
}

#[test]
fn unbalanced_mark_does_not_swallow_the_paragraph() {
    let paragraph = "Eva Lang sagte: „Wir kommen wieder, ganz bestimmt. Danach reiste sie ab. \
                     Die Gespräche gehen in der nächsten Woche weiter, und niemand weiß, was passiert.";
    let found = quotes(&[paragraph]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "Wir kommen wieder, ganz bestimmt.");
    assert!(found[0].end < paragraph.chars().count() / 2);
}

#[test]
fn stray_closing_mark_is_ignored() {
    assert!(quotes(&["Das Wetter bleibt“ sonnig und warm bis zum Wochenende."]).is_empty());
}

#[test]
fn quote_over_several_sentences() {
    let (text, speaker) = only(
        "„Wir sind bereit. Die Truppen stehen. Es fehlt nur noch der Befehl“, sagte Otto Brandt.",
    );
    assert_eq!(
        text,
        "Wir sind bereit. Die Truppen stehen. Es fehlt nur noch der Befehl"
    );
    assert_eq!(speaker.as_deref(), Some("Otto Brandt"));
}

#[test]
fn quote_over_several_paragraphs() {
    let found = quotes(&[
        "Der Minister Jan Koch erklärte: „Wir werden das Gesetz noch in diesem Jahr ändern.",
        "„Die Mehrheit dafür steht, und die Länder ziehen mit.“",
    ]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Jan Koch"))
    );
    assert_eq!(found[0].paragraph, 0);
    assert_eq!(found[1].paragraph, 1);
    // the first piece runs to the end of its paragraph
    assert_eq!(found[0].end, 82);
}

#[test]
fn apostrophes_are_not_quotes() {
    assert!(quotes(&["Das war's dann, und Hans' Auto fuhr davon, so geht's eben."]).is_empty());
}

#[test]
fn apostrophes_before_a_quote_leave_it_and_its_speaker() {
    let a = article(&[
        "Das war's dann, und Hans' Auto fuhr davon.",
        "Der Minister Jan Koch kam am Abend zurück.",
        "„Wir machen trotzdem weiter wie bisher“, sagte Koch.",
    ]);
    let (found, speakers) = extract(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Jan Koch"));
    assert_eq!(speakers.len(), 1, "{speakers:#?}");
    assert_eq!(speakers[0].role.as_deref(), Some("Minister"));
}

#[test]
fn offsets_are_chars_and_include_the_marks() {
    let paragraph = "Ärger über Öl: „Die Preise müssen sinken“, sagte Jörg Weiß.";
    let found = quotes(&[paragraph]);
    assert_eq!(found.len(), 1);
    let chars: Vec<char> = paragraph.chars().collect();
    let span: String = chars[found[0].start..found[0].end].iter().collect();
    assert_eq!(span, "„Die Preise müssen sinken“");
    assert_eq!((found[0].section, found[0].paragraph), (0, 0));
}

#[test]
fn quotes_in_headings_title_and_lead_are_not_counted() {
    let mut a = article(&["Die Regierung tagt am Montag in Berlin."]);
    a.title = "„Wir schaffen das ganz bestimmt“, sagt die Kanzlerin".into();
    a.lead = Some("„Das wird ein langer Winter für alle“, sagte Jan Koch.".into());
    a.sections[0].heading = Some("„Keine Angst vor der Zukunft haben“".into());
    assert!(extract(&a).0.is_empty());
}

/// A small deterministic generator, so the test needs no crate and always runs the same.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn odd_input_never_panics_and_offsets_stay_inside() {
    const PIECES: &[&str] = &[
        "„", "“", "”", "\"", "»", "«", "‚", "‘", "’", "'", "›", "‹", " ", " ", " ", ",", ".", ":",
        "sagte", "so", "er", "Anna", "Berg", "der", "Minister", "laut", "zufolge", "hieß", "es",
        "Ä", "ß", "日本", "a. D.", "(", ")", "-", "…", "\u{301}", "Wir", "kommen",
    ];
    let mut rng = Lcg(7);
    for _ in 0..3000 {
        let paragraphs: Vec<String> = (0..1 + rng.next() % 3)
            .map(|_| {
                (0..rng.next() % 40)
                    .map(|_| PIECES[rng.next() % PIECES.len()])
                    .collect()
            })
            .collect();
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        for q in quotes(&refs) {
            let len = paragraphs[q.paragraph].chars().count();
            assert!(
                q.start < q.end && q.end <= len,
                "{q:?} in {:?}",
                paragraphs[q.paragraph]
            );
        }
    }
}

/// A straight mark after a space closes the quote when a comma follows it: nothing
/// quoted starts with a comma.
#[test]
fn a_straight_mark_before_a_comma_closes() {
    let (text, speaker) = only(
        "„Das ist mehr, als wir erwartet haben \", zitiert die Zeitung den Polizeisprecher Jan Koch.",
    );
    assert_eq!(text, "Das ist mehr, als wir erwartet haben");
    assert_eq!(speaker.as_deref(), Some("Jan Koch"));
}
