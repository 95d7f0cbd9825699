//! Speakers: kinds from role words, one identity per person across the corpus (accents
//! and case aside), the corpus index the reader walks, and the `--speaker` filter.

use kiosk::corpus::{Corpus, QuoteRef};
use kiosk::export::Filter;
use kiosk::extract::annotate;
use kiosk::extract::speakers::{kind_of, name_matches, speaker_key};
use kiosk::model::{Article, Section, SpeakerKind};

fn article(id: &str, paragraphs: &[&str]) -> Article {
    let mut a = Article {
        id: id.into(),
        title: format!("Artikel {id}"),
        sections: vec![Section {
            heading: None,
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }],
        ..Article::default()
    };
    annotate(&mut a);
    a
}

#[test]
fn keys_fold_accents_case_and_hyphens() {
    assert_eq!(
        speaker_key("Alicia García Herrero"),
        speaker_key("alicia garcia HERRERO")
    );
    assert_eq!(speaker_key("Ivana Kottasová"), "ivana kottasova");
    assert_eq!(
        speaker_key("Hans-Peter  Müller"),
        speaker_key("Hans Peter Muller")
    );
    assert_eq!(speaker_key("Lech Wałęsa"), "lech walesa");
    assert_ne!(speaker_key("Jan Koch"), speaker_key("Jana Koch"));
}

#[test]
fn expert_roles() {
    for role in [
        "Chinaforscherin bei der Stiftung Wissenschaft und Politik",
        "Professor für Geschichte",
        "Politologe an der Universität Bonn",
        "Chefvolkswirtin einer Bank",
        "Ökonom",
        "Analyst beim Thinktank Nordbrücke",
        "Direktor des Instituts für Sicherheitspolitik",
        "Oberst a. D.",
        "Sicherheitsexperte",
    ] {
        assert_eq!(kind_of(role), SpeakerKind::Expert, "{role}");
    }
}

#[test]
fn official_roles() {
    for role in [
        "Präsident der Republik",
        "US-Außenminister",
        "Regierungssprecherin",
        "Außenministerium in Paris",
        "Kreml",
        "Bundesregierung",
        "Staatssekretär im Finanzministerium",
        // any gender, number or case of a role word
        "Fraktionschefin der Grünen",
        "CDU-Fraktionsvorsitzenden",
        "Parteichefs der Provinz",
        "Parlamentarischer Geschäftsführer der SPD-Landtagsfraktion",
        "EU-Gesundheitskommissar",
    ] {
        assert_eq!(kind_of(role), SpeakerKind::Official, "{role}");
    }
}

#[test]
fn other_roles() {
    for role in ["Schauspielerin", "Anwohner der Straße", "Fußballfan", ""] {
        assert_eq!(kind_of(role), SpeakerKind::Other, "{role}");
    }
}

#[test]
fn names_match_by_full_name_or_surname() {
    assert!(name_matches(
        "Alicia García Herrero",
        "alicia garcia herrero"
    ));
    assert!(name_matches("Alicia García Herrero", "Herrero"));
    assert!(name_matches("Alicia García Herrero", "GARCIA"));
    assert!(!name_matches("Alicia García Herrero", "Alicia Gomez"));
    assert!(!name_matches("Alicia García Herrero", ""));
}

fn two_articles() -> Corpus {
    Corpus::new(vec![
        article(
            "a",
            &[
                "„Die Märkte bleiben nervös“, sagt Alicia García, Ökonomin bei der Bank Nordstern.",
                "„Vor dem Sommer sinken die Zinsen nicht“, sagt García.",
            ],
        ),
        article("b", &["„Der Euro wird stärker“, sagt ALICIA GARCIA."]),
        article(
            "c",
            &["„Wir senken die Steuern“, sagte Finanzminister Jan Koch."],
        ),
    ])
}

#[test]
fn same_person_across_articles_with_and_without_accents() {
    let corpus = two_articles();
    let entry = corpus
        .speaker("alicia garcia")
        .expect("one entry for both spellings");
    assert_eq!(entry.quotes.len(), 3);
    assert_eq!(entry.articles, 2);
    assert_eq!(entry.kind, SpeakerKind::Expert);
    assert_eq!(corpus.speakers().len(), 2);
}

/// A spokesman in one article is not the spokesman of the next; the Kremlin is.
#[test]
fn a_speaker_named_only_by_a_role_is_someone_else_in_each_article() {
    let corpus = Corpus::new(vec![
        article(
            "a",
            &[
                "„Die Brücke bleibt gesperrt“, sagte ein Sprecher.",
                "Moskau äußerte sich später. „Wir prüfen das“, so der Kreml.",
            ],
        ),
        article(
            "b",
            &["„Das Rathaus bleibt zu“, sagte ein Sprecher. „Kein Kommentar“, so der Kreml."],
        ),
    ]);
    let spokesmen: Vec<_> = (corpus.speakers().iter())
        .filter(|s| s.name == "Sprecher")
        .collect();
    assert_eq!(spokesmen.len(), 2, "{:?}", corpus.speakers());
    assert_eq!(spokesmen[0].only_in, Some(0));
    assert_eq!(spokesmen[1].only_in, Some(1));
    assert!(corpus.speaker("Sprecher").is_none(), "no corpus-wide entry");
    let first = QuoteRef {
        article: 0,
        quote: 0,
    };
    assert_eq!(corpus.next_quote_by_speaker(first, true), None);
    let kremlin = corpus.speaker("Kreml").expect("one entry for the Kremlin");
    assert_eq!((kremlin.quotes.len(), kremlin.articles), (2, 2));
    assert_eq!(kremlin.only_in, None);
    let second_spokesman = QuoteRef {
        article: 1,
        quote: 0,
    };
    let id = corpus.speaker_of(second_spokesman).expect("attributed");
    assert_eq!(corpus.speakers()[id].only_in, Some(1));
}

#[test]
fn next_quote_by_the_same_speaker_crosses_articles() {
    let corpus = two_articles();
    let first = QuoteRef {
        article: 0,
        quote: 0,
    };
    let second = corpus
        .next_quote_by_speaker(first, true)
        .expect("second quote");
    assert_eq!(
        second,
        QuoteRef {
            article: 0,
            quote: 1
        }
    );
    let third = corpus
        .next_quote_by_speaker(second, true)
        .expect("third quote");
    assert_eq!(
        third,
        QuoteRef {
            article: 1,
            quote: 0
        }
    );
    assert_eq!(corpus.next_quote_by_speaker(third, true), None);
    assert_eq!(corpus.next_quote_by_speaker(third, false), Some(second));
}

#[test]
fn speaker_filter_takes_full_name_or_surname() {
    let corpus = two_articles();
    let ids = |query: &str| -> Vec<&str> {
        let filter = Filter::new(&[], Some(query)).expect("filter");
        corpus
            .articles()
            .iter()
            .filter(|a| filter.matches(a))
            .map(|a| a.id.as_str())
            .collect()
    };
    assert_eq!(ids("García"), vec!["a", "b"]);
    assert_eq!(ids("alicia garcia"), vec!["a", "b"]);
    assert_eq!(ids("koch"), vec!["c"]);
    assert!(ids("Maria Lenz").is_empty());
}

/// In the reader, `}` from an unnamed spokesman's quote stays in the article: the next
/// article's spokesman is someone else.
#[test]
fn the_reader_does_not_jump_from_one_spokesman_to_another() {
    use kiosk::app::{Action, AppState};
    let articles = vec![
        article("a", &["„Die Brücke bleibt gesperrt“, sagte ein Sprecher."]),
        article("b", &["„Das Rathaus bleibt zu“, sagte ein Sprecher."]),
    ];
    let mut state = AppState::with_articles(articles, 120, 40);
    assert_eq!(state.open(), Some(0));
    state.update(Action::NextQuote);
    assert_eq!(state.quote(), Some(0));
    state.update(Action::NextBySpeaker);
    assert_eq!((state.open(), state.quote()), (Some(0), Some(0)));
    let message = state.message().unwrap_or_default();
    assert!(message.contains("no later quote by Sprecher"), "{message}");
}

#[test]
fn which_names_are_no_identity_across_articles() {
    use kiosk::extract::speakers::is_unnamed;
    for unnamed in [
        "Sprecher",
        "Polizei",
        "Gericht",
        "Bericht",
        "Gesetzentwurf",
        "Richter",
    ] {
        assert!(is_unnamed(unnamed), "{unnamed}");
    }
    for named in [
        "Kreml",
        "Bundestag",
        "Angela Merkel",
        "Müller",
        "russische Außenministerium",
    ] {
        assert!(!is_unnamed(named), "{named}");
    }
}
