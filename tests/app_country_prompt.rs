//! The country prompt (`c`) on the seeds: every country of the world is offered, narrowed
//! as one types over German names, English names and codes, accents and case ignored;
//! the corpus's countries first with their article counts; several can be chosen.

use kiosk::app::{Action, AppState, CountryChoice, Overlay};
use kiosk::extract::countries;

fn seeds() -> AppState {
    AppState::with_articles(kiosk::load_corpus(&[]).articles, 120, 40)
}

fn choices_for(state: &mut AppState, typed: &str) -> Vec<CountryChoice> {
    state.update(Action::CountryPrompt);
    for c in typed.chars() {
        state.update(Action::Input(c));
    }
    let Some(Overlay::Countries(prompt)) = state.overlay() else {
        panic!("the country prompt is open");
    };
    let choices = prompt.choices.clone();
    state.update(Action::Close);
    choices
}

fn first_code(state: &mut AppState, typed: &str) -> String {
    let choices = choices_for(state, typed);
    let first = choices.first();
    first.map_or_else(|| format!("nothing for {typed:?}"), |c| c.code.clone())
}

#[test]
fn every_country_is_offered_the_corpus_ones_first_by_articles() {
    let mut s = seeds();
    let choices = choices_for(&mut s, "");
    assert_eq!(choices.len(), countries::all().len(), "the whole world");
    assert!(choices.len() >= 195);
    let in_corpus = choices.iter().take_while(|c| c.articles > 0).count();
    assert_eq!(
        in_corpus,
        s.country_rows().len(),
        "first the countries the seeds mention"
    );
    let counts: Vec<usize> = choices.iter().map(|c| c.articles).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most articles first"
    );
    for choice in &choices[..in_corpus] {
        let row = s.country_rows().iter().find(|r| r.code == choice.code);
        assert_eq!(
            row.map(|r| r.articles),
            Some(choice.articles),
            "{}",
            choice.code
        );
    }
    let rest: Vec<&str> = choices[in_corpus..]
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert!(rest.contains(&"Island") && rest.contains(&"Elfenbeinküste"));
}

#[test]
fn typing_narrows_over_german_and_english_names_and_codes_without_accents() {
    let mut s = seeds();
    for (typed, code) in [
        ("turk", "TR"),
        ("Türk", "TR"),
        ("tuerkei", "TR"),
        ("turkey", "TR"),
        ("ivory", "CI"),
        ("elfenbein", "CI"),
        ("cote", "CI"),
        ("Côte d'Iv", "CI"),
        ("ru", "RU"),
        ("russia", "RU"),
        ("vereinigte staaten", "US"),
        ("usa", "US"),
        ("nordkorea", "KP"),
        ("north korea", "KP"),
        ("weißrussland", "BY"),
        ("island", "IS"),
        ("oesterreich", "AT"),
    ] {
        assert_eq!(first_code(&mut s, typed), code, "typed {typed:?}");
    }
    let korea = choices_for(&mut s, "korea");
    let codes: Vec<&str> = korea.iter().take(2).map(|c| c.code.as_str()).collect();
    assert_eq!(
        codes,
        ["KP", "KR"],
        "North Korea is in the seeds, South Korea not"
    );
    assert!(choices_for(&mut s, "qqq").is_empty());
}

#[test]
fn choices_carry_both_names_and_the_corpus_count() {
    let mut s = seeds();
    let turkey = choices_for(&mut s, "turk").remove(0);
    assert_eq!(
        (turkey.name.as_str(), turkey.name_en.as_str()),
        ("Türkei", "Turkey")
    );
    let with_turkey = s
        .corpus()
        .articles()
        .iter()
        .filter(|a| a.countries.iter().any(|c| c.code == "TR"))
        .count();
    assert_eq!(turkey.articles, with_turkey);
}

#[test]
fn several_countries_are_chosen_in_one_prompt_and_enter_again_removes_one() {
    let mut s = seeds();
    s.update(Action::CountryPrompt);
    for typed in ["china", "usa"] {
        for c in typed.chars() {
            s.update(Action::Input(c));
        }
        s.update(Action::Activate);
    }
    let Some(Overlay::Countries(prompt)) = s.overlay() else {
        panic!("the prompt stays open for more");
    };
    assert!(prompt.input.is_empty(), "ready for the next country");
    let active: Vec<&str> = prompt
        .choices
        .iter()
        .filter(|c| c.active)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(active.len(), 2, "both are ticked: {active:?}");
    assert_eq!(&prompt.choices[0].code, active[0], "chosen ones first");
    s.update(Action::Close);
    assert_eq!(s.filter_countries(), ["CN", "US"]);
    let both = |i: &usize| {
        let a = &s.corpus().articles()[*i];
        ["CN", "US"]
            .iter()
            .all(|code| a.countries.iter().any(|c| c.code == *code))
    };
    assert!(s.visible().iter().all(both));

    s.update(Action::CountryPrompt);
    for c in "US".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Activate);
    s.update(Action::Close);
    assert_eq!(
        s.filter_countries(),
        ["CN"],
        "Enter on a chosen one removes it"
    );
}

#[test]
fn a_country_no_seed_mentions_can_be_chosen_and_empties_the_list() {
    let mut s = seeds();
    s.update(Action::CountryPrompt);
    for c in "island".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Activate);
    s.update(Action::Close);
    assert_eq!(s.filter_countries(), ["IS"]);
    assert!(s.visible().is_empty());
    assert_eq!(s.open(), None);
    s.update(Action::ClearFilters);
    assert_eq!(s.visible().len(), 5);
}
