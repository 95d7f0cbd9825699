//! Issue 8, what a real folder holds besides articles: symbolic link loops and broken
//! links, unreadable files and folders, folders named like files, paths that do not
//! exist, FIFOs and devices, files over the size limit. Each bad entry is named once on
//! stderr, nothing hangs, and the good file beside it loads (exit code 0); alone, the
//! bad entry fails the run (exit code 1).
#![cfg(unix)]

mod robust;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use robust::{assert_skipped_beside_good, export, folder_with_good_file, skipped, write};

use kiosk::load::MAX_FILE_BYTES;

#[test]
fn a_symlink_loop_to_the_parent_folder() {
    let dir = folder_with_good_file();
    let inner = dir.path().join("inner");
    fs::create_dir(&inner).expect("a folder");
    write(&inner, "also-good.txt", robust::GOOD_TEXT);
    let up = inner.join("up");
    symlink("..", &up).expect("a link");
    let root = fs::canonicalize(dir.path()).expect("the real path");
    let run = export(&[dir.path()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        skipped(
            &up,
            &format!(
                "symbolic link back to {}, a folder it is in (a loop): not followed",
                root.display()
            )
        )
    );
    assert_eq!(run.ids(), ["good", "also-good"], "each file once");
}

#[test]
fn a_symlink_to_its_own_folder_and_one_above_the_root() {
    let dir = folder_with_good_file();
    let here = dir.path().join("here");
    symlink(".", &here).expect("a link");
    let above = dir.path().join("above");
    symlink("..", &above).expect("a link");
    let run = export(&[dir.path()]);
    assert_eq!(run.code, 0, "{run:?}");
    let real = fs::canonicalize(dir.path()).expect("the real path");
    let parent = real.parent().expect("a temp dir has a parent");
    let loop_to = |link: &Path, to: &Path| {
        skipped(
            link,
            &format!(
                "symbolic link back to {}, a folder it is in (a loop): not followed",
                to.display()
            ),
        )
    };
    assert_eq!(
        run.stderr,
        format!("{}{}", loop_to(&above, parent), loop_to(&here, &real))
    );
    assert_eq!(run.ids(), ["good"]);
}

#[test]
fn a_dangling_symlink() {
    let dir = folder_with_good_file();
    let bad = dir.path().join("weg.txt");
    symlink("gibt-es-nicht.txt", &bad).expect("a link");
    assert_skipped_beside_good(
        dir.path(),
        &bad,
        "broken symbolic link (to gibt-es-nicht.txt, which does not exist)",
    );
}

/// Whether this process can read a file it has no permission for (root can).
fn reads_despite_permissions(path: &Path) -> bool {
    fs::read(path).is_ok()
}

#[test]
fn an_unreadable_file_and_folder() {
    let dir = folder_with_good_file();
    let bad = write(dir.path(), "geheim.txt", robust::GOOD_TEXT);
    fs::set_permissions(&bad, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if reads_despite_permissions(&bad) {
        eprintln!(
            "skipping the unreadable-file assertions: this test runs with privileges that \
             read a file of mode 000 (root); checking only that the folder loads"
        );
        let run = export(&[dir.path()]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
        assert_eq!(run.ids(), ["geheim", "good"]);
        return;
    }
    assert_skipped_beside_good(dir.path(), &bad, "permission denied");
    fs::remove_file(&bad).expect("rm");
    let closed = dir.path().join("zu");
    fs::create_dir(&closed).expect("a folder");
    write(&closed, "drin.txt", robust::GOOD_TEXT);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let run = export(&[dir.path()]);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(run.stderr, skipped(&closed, "permission denied"));
    assert_eq!((run.code, run.ids()), (0, vec!["good".to_owned()]));
}

#[test]
fn a_folder_named_like_a_file_is_read_as_a_folder() {
    let dir = folder_with_good_file();
    let named = dir.path().join("x.txt");
    fs::create_dir(&named).expect("a folder");
    let run = export(&[dir.path()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.ids(), ["good"]);
    write(&named, "drin.txt", robust::GOOD_TEXT);
    let run = export(&[&named]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.ids(), ["drin"]);
    fs::remove_file(named.join("drin.txt")).expect("rm");
    let alone = export(&[&named]);
    assert_eq!(alone.code, 1);
    assert_eq!(
        alone.stderr,
        format!(
            "{}kiosk: no articles could be loaded\n",
            skipped(
                &named,
                "no files kiosk reads in this folder (.txt, .md, .html, .htm, .jsonl, .json)"
            )
        )
    );
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = folder_with_good_file();
    let missing = dir.path().join("fehlt.txt");
    let good = dir.path().join("good.txt");
    let run = export(&[&good, &missing]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, skipped(&missing, "no such file or directory"));
    assert_eq!(run.ids(), ["good"]);
    let alone = export(&[&missing]);
    assert_eq!(alone.code, 1);
    assert_eq!(
        alone.stderr,
        format!(
            "{}kiosk: no articles could be loaded\n",
            skipped(&missing, "no such file or directory")
        )
    );
}

#[test]
fn a_fifo_is_not_waited_on() {
    let dir = folder_with_good_file();
    let fifo = dir.path().join("rohr.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping a_fifo_is_not_waited_on: mkfifo is not available");
        return;
    }
    assert_skipped_beside_good(dir.path(), &fifo, "not a regular file (a FIFO)");
}

#[test]
fn a_device_is_not_read() {
    let dir = folder_with_good_file();
    let device = dir.path().join("null.txt");
    symlink("/dev/zero", &device).expect("a link to a device");
    assert_skipped_beside_good(dir.path(), &device, "not a regular file (a device)");
}

#[test]
fn a_file_over_the_size_limit() {
    let dir = folder_with_good_file();
    let bad = dir.path().join("riesig.txt");
    // Sparse: the size is real, the disk is not used.
    let file = fs::File::create(&bad).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("set_len");
    assert_skipped_beside_good(
        dir.path(),
        &bad,
        "too large: 64.1 MiB (kiosk reads files up to 64 MiB)",
    );
}

#[test]
fn a_named_file_of_another_format() {
    let dir = folder_with_good_file();
    let other = write(dir.path(), "tabelle.csv", "a,b\n1,2\n");
    let run = export(&[dir.path()]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, ""),
        "ignored in a folder"
    );
    let alone = export(&[&other]);
    assert_eq!(alone.code, 1);
    assert!(
        alone.stderr.starts_with(&skipped(
            &other,
            "not a format kiosk reads (use .txt, .md, .html, .htm, .jsonl or .json)"
        )),
        "{alone:?}"
    );
}
