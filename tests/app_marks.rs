//! Read marks and bookmarks on disk: atomic, merged with other copies, keyed by content,
//! and a corrupt file moved aside with a message rather than reset.

mod app_fixtures;

use kiosk::app::Action;
use kiosk::state_file::{Change, FILE_NAME, Flag, StateFile, content_hash};

fn change(hash: u64, flag: Flag, set: bool) -> Change {
    Change { hash, flag, set }
}

#[test]
fn marks_survive_a_save_and_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let file = StateFile::in_dir(dir.path().join("kiosk"));
    let saved = file
        .save(&[change(1, Flag::Read, true), change(2, Flag::Bookmark, true)])
        .unwrap();
    assert!(saved.notice.is_none());
    let opened = file.load().unwrap();
    assert!(opened.marks.has(1, Flag::Read) && opened.marks.has(2, Flag::Bookmark));
    assert!(!opened.marks.has(2, Flag::Read));
    let mut left: Vec<String> = std::fs::read_dir(dir.path().join("kiosk"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [FILE_NAME, "marks.json.lock"],
        "no temporary file left behind"
    );
}

#[test]
fn a_second_copy_does_not_drop_the_first_copys_marks() {
    let dir = tempfile::tempdir().unwrap();
    let first = StateFile::in_dir(dir.path());
    let second = StateFile::in_dir(dir.path());
    first.save(&[change(1, Flag::Read, true)]).unwrap();
    let merged = second.save(&[change(2, Flag::Read, true)]).unwrap();
    assert!(merged.marks.has(1, Flag::Read) && merged.marks.has(2, Flag::Read));
    let unset = first.save(&[change(1, Flag::Read, false)]).unwrap();
    assert!(!unset.marks.has(1, Flag::Read) && unset.marks.has(2, Flag::Read));
}

#[test]
fn a_corrupt_file_is_moved_aside_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE_NAME), b"{ not json").unwrap();
    let opened = StateFile::in_dir(dir.path()).load().unwrap();
    let notice = opened.notice.expect("a message about the bad file");
    assert!(notice.contains("moved the marks file aside"), "{notice}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let aside = names.iter().find(|n| n.starts_with("marks.json.corrupt-"));
    let aside = aside.unwrap_or_else(|| panic!("moved aside: {names:?}"));
    let kept = std::fs::read(dir.path().join(aside)).unwrap();
    assert_eq!(kept, b"{ not json", "the old content is kept, not reset");
}

#[test]
fn the_content_hash_ignores_path_and_how_text_is_split() {
    let a = app_fixtures::gas_article();
    let mut moved = a.clone();
    moved.path = "elsewhere/renamed.txt".into();
    moved.id = "renamed".into();
    assert_eq!(content_hash(&a), content_hash(&moved));
    let mut resplit = a.clone();
    let lead = resplit.lead.take().unwrap();
    resplit.sections[0].paragraphs.insert(0, lead);
    assert_eq!(
        content_hash(&a),
        content_hash(&resplit),
        "lead parsed as a paragraph"
    );
    let mut edited = a.clone();
    edited.sections[0].paragraphs[1].push_str(" Nachtrag.");
    assert_ne!(content_hash(&a), content_hash(&edited));
    assert_ne!(
        content_hash(&a),
        content_hash(&app_fixtures::pipeline_article())
    );
}

#[test]
fn marks_made_in_the_reader_reach_the_file_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = StateFile::in_dir(dir.path());
    let mut state = app_fixtures::state(120, 40);
    state.update(Action::ToggleBookmark);
    state.update(Action::Down);
    state.update(Action::ToggleRead);
    let saved = file.save(&state.take_mark_changes()).unwrap();
    let mut again = app_fixtures::state(120, 40);
    again.set_marks(file.load().unwrap().marks, None);
    assert!(again.has_mark(0, Flag::Bookmark) && again.has_mark(1, Flag::Read));
    assert!(!again.has_mark(0, Flag::Read));
    assert_eq!(saved.marks.count(Flag::Read), 1);
}

#[test]
fn the_state_folder_follows_xdg_state_home() {
    // Only reads the environment; nothing is written to the real home.
    if let Some(xdg) =
        std::env::var_os("XDG_STATE_HOME").filter(|v| std::path::Path::new(v).is_absolute())
    {
        assert_eq!(
            kiosk::state_file::default_dir(),
            Some(std::path::PathBuf::from(xdg).join("kiosk"))
        );
    } else if let Some(home) = std::env::var_os("HOME") {
        let expected = std::path::PathBuf::from(home).join(".local/state/kiosk");
        assert_eq!(kiosk::state_file::default_dir(), Some(expected));
    }
}
