//! The reader on the embedded seeds as the extractors annotate them
//! (`kiosk::load_corpus(&[])`): the country filter, quote by quote, the same speaker
//! across articles (with one made-up article that quotes a seed expert again, read by
//! the real loader and extractors), back, search and resizes, asserting on what the
//! user sees: the open article, the selected quote's speaker and text.

mod app_fixtures;

use app_fixtures::{run, type_text};
use kiosk::app::{Action, AppState, BlockKind, Focus, Highlight};
use kiosk::model::Article;

/// Seed indexes in corpus order.
const SEED_CHINA: usize = 0;
const SEED_ANTI_NATO: usize = 2;
const SEED_KALKUEL: usize = 3;
/// The made-up article, after the five seeds.
const EXTRA: usize = 5;

/// The expert of seed 2 (DESIGN.md gold: „meint Richter“, „sagt Richter“).
const RICHTER: &str = "Wolfgang Richter";

/// An article written for kiosk's tests (tests/fixtures/richter/README) that quotes
/// Wolfgang Richter twice; nothing in it is copied from anywhere.
const RICHTER_AGAIN: &str = include_str!("fixtures/richter/vietnam.txt");

fn seeds() -> Vec<Article> {
    let loaded = kiosk::load_corpus(&[]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 5);
    loaded.articles
}

/// The seeds and the made-up article, through the real loader and extractors.
fn seeds_and_extra(width: u16, height: u16) -> AppState {
    let mut extra = kiosk::load::text::parse("richter-again", "richter-again.txt", RICHTER_AGAIN)
        .expect("the made-up article loads");
    kiosk::extract::annotate(&mut extra);
    let mut articles = seeds();
    articles.push(extra);
    AppState::with_articles(articles, width, height)
}

/// The selected quote as the user sees it: (speaker, highlighted text).
fn selected(state: &AppState) -> (Option<String>, String) {
    let q = state.quote().expect("a quote is selected");
    let speaker = state.article().unwrap().quotes[q].speaker.clone();
    let doc = state.doc();
    let shown = doc.blocks.iter().find_map(|block| {
        let span = block.spans.iter().find(|s| s.kind == Highlight::Quote(q))?;
        Some(block.text[span.range.clone()].to_string())
    });
    (speaker, shown.expect("the selected quote is highlighted"))
}

/// Whether the line where the selected quote starts is inside the article pane.
fn quote_on_screen(state: &AppState, rows: usize) -> bool {
    let line = state.doc().quote_line(state.quote().unwrap()).unwrap();
    line >= state.scroll() && line < state.scroll() + rows
}

/// Seeds whose extracted countries include `code`, most mentions first.
fn mentioning(articles: &[Article], code: &str) -> Vec<usize> {
    let mut hits: Vec<(u32, usize)> = (articles.iter().enumerate())
        .filter_map(|(i, a)| Some((a.countries.iter().find(|c| c.code == code)?.mentions, i)))
        .collect();
    hits.sort_by_key(|&(mentions, i)| (std::cmp::Reverse(mentions), i));
    hits.into_iter().map(|(_, i)| i).collect()
}

#[test]
fn the_country_filter_narrows_the_seeds_and_x_clears_it() {
    let articles = seeds();
    let mut s = AppState::with_articles(articles.clone(), 120, 40);
    s.update(Action::CountryPrompt);
    type_text(&mut s, "viet");
    s.update(Action::Activate);
    s.update(Action::Close);
    assert_eq!(s.filter_countries(), ["VN"]);
    let vietnam = mentioning(&articles, "VN");
    assert!(vietnam.contains(&SEED_ANTI_NATO), "seed 2 is about Vietnam");
    assert!(!vietnam.contains(&SEED_KALKUEL), "seed 3 never names it");
    assert_eq!(s.visible(), vietnam, "most mentions first");
    assert_eq!(
        s.open(),
        Some(vietnam[0]),
        "the first listed article is open"
    );
    let row = s.country_rows().iter().find(|r| r.code == "VN").unwrap();
    assert!(row.active && row.articles == vietnam.len());

    s.update(Action::CountryPrompt);
    type_text(&mut s, "nordkorea");
    s.update(Action::Activate);
    s.update(Action::Close);
    let korea = mentioning(&articles, "KP");
    let both: Vec<usize> = vietnam
        .iter()
        .copied()
        .filter(|i| korea.contains(i))
        .collect();
    let mut listed = s.visible().to_vec();
    listed.sort_unstable();
    let mut expected = both.clone();
    expected.sort_unstable();
    assert_eq!(listed, expected, "an article must mention both");
    assert!(both.contains(&SEED_ANTI_NATO));

    s.update(Action::ClearFilters);
    assert!(s.filter_countries().is_empty());
    assert_eq!(s.visible(), [0, 1, 2, 3, 4]);
}

#[test]
fn quotes_step_forward_and_back_through_a_seed() {
    let mut s = AppState::with_articles(seeds(), 120, 40);
    let rows = 37;
    let quotes = s.article().unwrap().quotes.clone();
    assert!(quotes.len() >= 3, "seed 0 quotes several experts");
    for (q, quote) in quotes.iter().enumerate() {
        s.update(Action::NextQuote);
        assert_eq!(s.quote(), Some(q));
        let (speaker, shown) = selected(&s);
        assert_eq!(speaker, quote.speaker);
        assert!(
            shown.contains(&quote.text),
            "{shown:?} shows {:?}",
            quote.text
        );
        assert!(quote_on_screen(&s, rows), "quote {q} scrolled into view");
    }
    s.update(Action::NextQuote);
    assert_eq!(s.quote(), Some(quotes.len() - 1), "stays on the last");
    assert!(s.message().unwrap().contains("no more quotes"));
    s.update(Action::PrevQuote);
    assert_eq!(s.quote(), Some(quotes.len() - 2));
    assert!(quote_on_screen(&s, rows));
    let godehardt = quotes
        .iter()
        .position(|q| q.speaker.as_deref() == Some("Nadine Godehardt"));
    assert!(godehardt.is_some(), "the SWP expert of seed 0 is found");
}

#[test]
fn the_same_speaker_jump_crosses_into_another_article_and_back_returns() {
    let mut s = seeds_and_extra(120, 40);
    let id = s.corpus().speaker_id(RICHTER).expect("Richter is quoted");
    assert_eq!(
        s.corpus().speakers()[id].articles,
        2,
        "in seed 2 and the extra"
    );
    run(&mut s, &[Action::Down, Action::Down]);
    assert_eq!(s.open(), Some(SEED_ANTI_NATO));
    while selected_speaker(&s).as_deref() != Some(RICHTER) {
        s.update(Action::NextQuote);
        assert!(s.quote().is_some(), "a quote by Richter in seed 2");
    }
    assert_eq!(
        s.sidebar_tab(),
        Focus::Speakers,
        "the sidebar shows the speaker"
    );
    let row = &s.speaker_rows()[s.speaker_list().selected];
    assert_eq!(row.id, id, "with the speaker selected");
    let in_seed = s.article().unwrap().quotes.iter().enumerate();
    let later: Vec<usize> = in_seed
        .filter(|(q, quote)| *q > s.quote().unwrap() && quote.speaker.as_deref() == Some(RICHTER))
        .map(|(q, _)| q)
        .collect();
    for &q in &later {
        s.update(Action::NextBySpeaker);
        assert_eq!((s.open(), s.quote()), (Some(SEED_ANTI_NATO), Some(q)));
        assert_eq!(selected_speaker(&s).as_deref(), Some(RICHTER));
        assert!(quote_on_screen(&s, 37));
    }
    let last_in_seed = s.quote();
    s.update(Action::NextBySpeaker);
    assert_eq!(s.open(), Some(EXTRA), "crossed into the other article");
    let (speaker, shown) = selected(&s);
    assert_eq!(speaker.as_deref(), Some(RICHTER));
    assert!(shown.starts_with("„Vietnam sucht Partner"), "{shown}");
    assert_eq!(s.list().selected, EXTRA, "the list follows");

    s.update(Action::NextBySpeaker);
    assert!(selected(&s).1.contains("Blockbildung in Asien"));
    s.update(Action::NextBySpeaker);
    assert!(
        s.message()
            .unwrap()
            .contains("no later quote by Wolfgang Richter")
    );
    run(&mut s, &[Action::PrevBySpeaker, Action::PrevBySpeaker]);
    assert_eq!((s.open(), s.quote()), (Some(SEED_ANTI_NATO), last_in_seed));

    // Back retraces the jumps: to the extra's first quote, then its second.
    s.update(Action::Back);
    assert_eq!(s.open(), Some(EXTRA));
    assert!(selected(&s).1.contains("Vietnam sucht Partner"));
    s.update(Action::Back);
    assert!(selected(&s).1.contains("Blockbildung"));
    while !s.history().is_empty() {
        s.update(Action::Back);
    }
    assert_eq!(
        s.open(),
        Some(SEED_ANTI_NATO),
        "back where the first jump began"
    );
    assert_eq!(selected_speaker(&s).as_deref(), Some(RICHTER));
}

fn selected_speaker(state: &AppState) -> Option<String> {
    let quote = state.article()?.quotes.get(state.quote()?)?;
    quote.speaker.clone()
}

#[test]
fn from_the_speakers_tab_the_jump_follows_the_selected_speaker() {
    let mut s = seeds_and_extra(120, 40);
    run(&mut s, &[Action::FocusPrev]);
    assert_eq!(s.focus(), Focus::Speakers);
    let rows = s.speaker_rows().to_vec();
    let speakers = s.corpus().speakers();
    let kinds: Vec<_> = rows.iter().map(|r| speakers[r.id].kind).collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "experts first");
    let richter = rows
        .iter()
        .position(|r| speakers[r.id].name == RICHTER)
        .unwrap();
    for _ in 0..richter {
        s.update(Action::Down);
    }
    s.update(Action::NextBySpeaker);
    assert_eq!(s.open(), Some(SEED_ANTI_NATO));
    assert_eq!(selected_speaker(&s).as_deref(), Some(RICHTER));
    s.update(Action::Back);
    assert_eq!((s.open(), s.focus()), (Some(SEED_CHINA), Focus::Speakers));
}

#[test]
fn search_and_filter_together_on_the_seeds() {
    let articles = seeds();
    let mut s = AppState::with_articles(articles.clone(), 120, 40);
    s.update(Action::Search);
    type_text(&mut s, "Kreml");
    s.update(Action::Activate);
    let with_kreml: Vec<usize> = (0..5)
        .filter(|&i| {
            let a = &articles[i];
            let text = [a.title.as_str()]
                .into_iter()
                .chain(a.lead.as_deref())
                .chain(a.paragraphs().map(|(_, _, p)| p));
            text.into_iter().any(|t| t.contains("Kreml"))
        })
        .collect();
    assert!(!with_kreml.is_empty());
    assert!(s.visible().iter().all(|i| with_kreml.contains(i)));
    let matched = s.current_match().expect("a match is selected");
    let (block, range) = &s.doc().matches[matched];
    assert_eq!(&s.doc().blocks[*block].text[range.clone()], "Kreml");
    s.update(Action::CountryPrompt);
    type_text(&mut s, "vietnam");
    run(&mut s, &[Action::Activate, Action::Close]);
    let vietnam = mentioning(&articles, "VN");
    assert!(
        s.visible()
            .iter()
            .all(|i| vietnam.contains(i) && with_kreml.contains(i))
    );
    assert!(s.search_query().is_some() && !s.filter_countries().is_empty());
}

#[test]
fn resizes_down_to_nothing_keep_the_article_the_quote_and_the_filter() {
    let mut s = seeds_and_extra(120, 40);
    s.update(Action::CountryPrompt);
    type_text(&mut s, "RU");
    run(&mut s, &[Action::Activate, Action::Close]);
    let listed = s.visible().to_vec();
    run(&mut s, &[Action::Top, Action::Down, Action::Down]);
    let open = s.open();
    assert_eq!(open, Some(listed[2]));
    for _ in 0..4 {
        s.update(Action::NextQuote);
    }
    let quote = s.quote();
    assert!(quote.is_some());
    for (w, h) in [
        (50, 15),
        (1, 1),
        (0, 0),
        (80, 24),
        (0, 40),
        (120, 0),
        (200, 60),
    ] {
        s.update(Action::Resize(w, h));
        assert_eq!((s.open(), s.quote()), (open, quote), "at {w}x{h}");
        assert_eq!(s.visible(), listed);
        assert_eq!(s.list().selected, 2, "at {w}x{h}");
        assert_eq!(s.filter_countries(), ["RU"]);
    }
    s.update(Action::Resize(120, 40));
    assert!(quote_on_screen(&s, 37), "the quote is on screen again");
    let paragraphs = s.doc().blocks.iter();
    assert!(
        paragraphs
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count()
            > 0
    );
}
