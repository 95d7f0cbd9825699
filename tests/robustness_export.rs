//! Issue 8 end to end: `kiosk export` over one folder that holds a file of every bad
//! kind next to good files exits 0, names each bad file exactly once on stderr and
//! exports every good article; over a folder of bad files only, it exits non-zero and
//! still names each of them.
#![cfg(unix)]

mod robust;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use robust::{GOOD_TEXT, export, write};

use kiosk::load::MAX_FILE_BYTES;
use kiosk::load::limits::{MAX_LINE_BYTES, MAX_RECORD_BYTES};

/// Writes one entry of every bad kind into `dir`; returns the paths that must be named
/// (the unreadable file only when this process cannot read it anyway).
fn bad_entries(dir: &Path) -> Vec<PathBuf> {
    let mut bad = vec![
        write(dir, "bild.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"),
        write(dir, "leer.txt", ""),
        write(dir, "blank.md", " \n\t\n"),
        write(
            dir,
            "eine-zeile.txt",
            "Kiew. ".repeat(MAX_LINE_BYTES / 6 + 10),
        ),
        write(
            dir,
            "riesig.jsonl",
            format!("{{\"text\": \"{}\"}}\n", "x".repeat(MAX_RECORD_BYTES)),
        ),
        write(dir, "kaputt.json", "{\"title\": "),
        write(
            dir,
            "zu-tief.html",
            format!("<p>Text{}</p>", "<div>".repeat(100_000)),
        ),
    ];
    let big = dir.join("gross.txt");
    fs::File::create(&big)
        .and_then(|f| f.set_len(MAX_FILE_BYTES + 1))
        .expect("a sparse file");
    bad.push(big);
    let dangling = dir.join("weg.html");
    symlink("nirgends.html", &dangling).expect("a link");
    bad.push(dangling);
    let up = dir.join("hoch");
    symlink("..", &up).expect("a link");
    bad.push(up);
    let device = dir.join("null.txt");
    symlink("/dev/zero", &device).expect("a link");
    bad.push(device);
    let fifo = dir.join("rohr.jsonl");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        bad.push(fifo);
    }
    let secret = write(dir, "geheim.txt", GOOD_TEXT);
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&secret).is_err() {
        bad.push(secret);
    } else {
        eprintln!("running with privileges that read mode 000 (root): geheim.txt loads");
        fs::remove_file(&secret).expect("rm");
    }
    bad
}

/// How many lines of `stderr` name `path` (as `path:` or `path:LINE:`).
fn times_named(stderr: &str, path: &Path) -> usize {
    let name = format!("kiosk: skipped {}:", path.display());
    stderr.lines().filter(|l| l.starts_with(&name)).count()
}

#[test]
fn a_folder_of_good_and_bad_files_exports_every_good_article() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    write(root, "gut.txt", GOOD_TEXT);
    write(
        root,
        "seite.html",
        "<html><head><title>Gipfel in Peking</title></head><body><article><h1>Gipfel in Peking</h1>\
         <p>Der Gipfel in Peking endete am Dienstag mit einer gemeinsamen Erklärung beider Seiten.</p>\
         </article></body></html>",
    );
    write(
        root,
        "korpus.jsonl",
        "{\"id\": \"k1\", \"title\": \"Erste\", \"text\": \"Wahl in Frankreich.\"}\n\
         {\"title\": kaputt}\n\
         {\"id\": \"k3\", \"title\": \"Dritte\", \"text\": \"Streik in Italien.\"}\n",
    );
    let (latin1, _, _) =
        encoding_rs::WINDOWS_1252.encode("Gespräch\n\nIn Wien wurde verhandelt.\n");
    write(root, "latin1.txt", &latin1[..]);
    let utf16: Vec<u8> = "Treffen\n\nIn Rom wurde verhandelt.\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    write(root, "utf16.txt", utf16);
    let folder_like_file = root.join("ordner.txt");
    fs::create_dir(&folder_like_file).expect("a folder");
    write(
        &folder_like_file,
        "innen.md",
        "# Innen\n\nEin Absatz über Polen und Prag.\n",
    );
    let bad = bad_entries(root);
    let missing = root.join("fehlt.txt");

    let run = export(&[root, &missing]);

    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.ids(),
        ["gut", "k1", "k3", "latin1", "innen", "seite", "utf16"],
        "{}",
        run.stderr
    );
    for path in bad.iter().chain([&missing]) {
        assert_eq!(
            times_named(&run.stderr, path),
            1,
            "{path:?}\n{}",
            run.stderr
        );
    }
    assert_eq!(times_named(&run.stderr, &root.join("korpus.jsonl")), 1);
    let named = bad.len() + 2;
    assert_eq!(run.stderr.lines().count(), named, "{}", run.stderr);
}

#[test]
fn a_folder_of_bad_files_only_fails_and_names_each() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let bad = bad_entries(dir.path());
    let run = export(&[dir.path()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty());
    for path in &bad {
        assert_eq!(
            times_named(&run.stderr, path),
            1,
            "{path:?}\n{}",
            run.stderr
        );
    }
    assert_eq!(
        run.stderr.lines().last(),
        Some("kiosk: no articles could be loaded")
    );
    assert_eq!(run.stderr.lines().count(), bad.len() + 1, "{}", run.stderr);
}
