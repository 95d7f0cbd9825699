//! The gazetteer is complete: every ISO 3166-1 code, every UN member and observer,
//! Kosovo and Taiwan, and each state with its German name, adjective, demonym and
//! capital, all of which the matcher finds.

use std::collections::{BTreeMap, BTreeSet};

use kiosk::extract::countries::{self, CountryCode, Status};

const ISO_TSV: &str = include_str!("../assets/countries-iso.tsv");
const FORMS_TSV: &str = include_str!("../assets/countries.tsv");

/// countries.tsv as code -> field -> values.
fn hand_values() -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for line in FORMS_TSV.lines().filter(|l| !l.starts_with('#')) {
        if let [code, field, values] = line.split('\t').collect::<Vec<_>>()[..] {
            let list = out
                .entry(code.into())
                .or_default()
                .entry(field.into())
                .or_default();
            list.extend(values.split(',').map(|v| v.trim().to_string()));
        }
    }
    out
}

fn iso_codes() -> BTreeSet<String> {
    ISO_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(String::from)
        .collect()
}

fn code(s: &str) -> CountryCode {
    let b = s.as_bytes();
    CountryCode([b[0], b[1]])
}

#[test]
fn the_gazetteer_files_have_no_problems() {
    assert_eq!(countries::gazetteer_problems(), Vec::<String>::new());
}

#[test]
fn every_iso_code_kosovo_and_taiwan_are_there() {
    let iso = iso_codes();
    assert_eq!(iso.len(), 249, "ISO 3166-1 has 249 codes");
    let known: BTreeSet<String> = countries::all()
        .iter()
        .map(|c| c.code.as_str().to_string())
        .collect();
    for c in iso.iter().chain([&"XK".to_string(), &"TW".to_string()]) {
        assert!(known.contains(c), "{c} is missing");
    }
}

/// When Debian's iso-codes is installed, the generated base is up to date with it.
#[test]
fn the_iso_base_matches_iso_codes_when_installed() {
    let path = "/usr/share/iso-codes/json/iso_3166-1.json";
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} is not installed (apt-get install iso-codes)");
        return;
    };
    let json: serde_json::Value = serde_json::from_str(&text).expect("iso-codes JSON");
    let codes: BTreeSet<String> = json["3166-1"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["alpha_2"].as_str().map(String::from))
        .collect();
    assert_eq!(codes, iso_codes(), "run tools/countries-iso.py again");
}

#[test]
fn un_members_observers_and_the_two_other_states() {
    let count = |s: Status| countries::all().iter().filter(|c| c.status == s).count();
    assert_eq!(count(Status::UnMember), 193);
    assert_eq!(count(Status::UnObserver), 2);
    assert_eq!(count(Status::OtherState), 2);
    for (c, s) in [("VA", Status::UnObserver), ("PS", Status::UnObserver)] {
        assert_eq!(countries::country(code(c)).map(|x| x.status), Some(s));
    }
    for c in ["XK", "TW"] {
        assert_eq!(
            countries::country(code(c)).map(|x| x.status),
            Some(Status::OtherState)
        );
    }
}

/// Every state has the hand-made forms, and the matcher finds each of them.
#[test]
fn every_state_has_its_forms_and_they_are_found() {
    let hand = hand_values();
    let states = countries::all()
        .iter()
        .filter(|c| c.status != Status::Territory);
    let (mut checked, mut failures) = (0, Vec::new());
    for state in states {
        let c = state.code.as_str();
        let fields = hand
            .get(c)
            .unwrap_or_else(|| panic!("{c} has no hand-made forms"));
        // The Vatican has no demonym; city states have no capital of another name.
        let city_state = ["VA", "MC", "SG", "LU", "SM", "DJ"].contains(&c);
        for field in ["de", "adj", "en-adj", "dem", "cap"] {
            let exempt = (field == "dem" && c == "VA") || (field == "cap" && city_state);
            if !exempt && !fields.contains_key(field) {
                failures.push(format!("{c} has no {field}"));
            }
        }
        let weak = fields.get("weak").cloned().unwrap_or_default();
        let mut forms: Vec<String> = vec![state.name_de.clone()];
        forms.retain(|f| !weak.contains(f));
        for field in ["adj", "dem", "cap"] {
            for v in fields.get(field).into_iter().flatten() {
                if !weak.contains(v) {
                    forms.push(if field == "adj" {
                        format!("{v}e")
                    } else {
                        v.clone()
                    });
                }
            }
        }
        for form in forms {
            let text = format!("Es geht um {form}.");
            let found: Vec<String> = countries::find(&text)
                .iter()
                .map(|m| m.code.as_str().to_string())
                .collect();
            if found != [c] {
                failures.push(format!("{form:?} should name {c}, found {found:?}"));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(checked > 800, "only {checked} forms checked");
}

#[test]
fn countries_are_listed_by_code_with_both_names() {
    let all = countries::all();
    assert!(all.windows(2).all(|w| w[0].code < w[1].code));
    assert!(
        all.iter()
            .all(|c| !c.name_de.is_empty() && !c.name_en.is_empty())
    );
    let tr = countries::country(code("TR")).expect("TR");
    assert_eq!(
        (tr.name_de.as_str(), tr.name_en.as_str()),
        ("Türkei", "Turkey")
    );
}
