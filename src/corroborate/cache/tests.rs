use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use proptest::prelude::*;

use super::*;
use crate::corroborate::{Corroboration, ReadReport, read_all};

fn event() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corroborate/event");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the event folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    paths
}

fn cache_in(dir: &Path, cues: &Cues) -> Cache {
    Cache::at(dir, cues).expect("the test binary is an executable")
}

/// The entries' files, in name order.
fn entries(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder).map_or(Vec::new(), |d| {
        d.filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(EXTENSION))
            .collect()
    });
    files.sort();
    files
}

fn report(path: &Path) -> Report {
    Report::load(path).expect("a report")
}

fn file_of(cache: &Cache, report: &Report) -> PathBuf {
    cache.entry(report).expect("a hex hash").1
}

#[test]
fn a_cached_reading_is_the_same_and_fills_the_cache_once() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = cache_in(dir.path(), &cues);
    let paths = event();
    let (plain, _) = read_all(&paths, &cues, &(), None);
    let (cold, _) = read_all(&paths, &cues, &(), Some(&cache));
    assert_eq!(cold, plain);
    let files = entries(dir.path());
    assert_eq!(files.len(), paths.len(), "one entry a report");
    let written: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    let (warm, _) = read_all(&paths, &cues, &(), Some(&cache));
    assert_eq!(warm, plain);
    assert_eq!(
        Corroboration::new(warm).groups,
        Corroboration::new(plain).groups
    );
    let again: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    assert_eq!(again, written, "a warm reading rewrites nothing");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        paths.len()
    );
}

#[test]
fn a_usable_entry_is_taken_as_it_is_and_one_of_another_length_is_not() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = cache_in(dir.path(), &cues);
    let paths = event();
    let (plain, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
    let first = report(&paths[0]);
    // An entry for a text with one sentence less is not taken.
    let mut signatures = cache.get(&first).expect("cached");
    signatures.pop();
    cache.put(&first, &signatures);
    let (again, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
    assert_eq!(again, plain);
    // A sound entry is taken as it is: its words are what the comparison sees.
    let mut signatures = cache.get(&first).expect("cached again");
    signatures[1].features.words = vec![7, 8, 9];
    cache.put(&first, &signatures);
    let (taken, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
    assert_eq!(taken[0].sentences[1].features.words, [7, 8, 9]);
}

#[test]
fn a_damaged_truncated_foreign_or_oversized_entry_is_ignored_and_made_again() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = cache_in(dir.path(), &cues).with_limit(1_000_000);
    let paths = event();
    let (first, second) = (report(&paths[0]), report(&paths[1]));
    let plain = ReadReport::load(&paths[0], &cues).expect("read");
    ReadReport::load_cached(&paths[0], &cues, Some(&cache)).expect("cold");
    ReadReport::load_cached(&paths[1], &cues, Some(&cache)).expect("cold");
    let file = file_of(&cache, &first);
    let sound = std::fs::read(&file).expect("an entry");
    let other = std::fs::read(file_of(&cache, &second)).expect("another entry");

    let mut flipped = sound.clone();
    let last = flipped.len() - 2;
    flipped[last] ^= 1;
    let mut foreign_key = sound.clone();
    foreign_key[MAGIC.len()] ^= 1;
    let mut oversized = sound.clone();
    oversized.resize(1_000_001, b' ');
    let damaged: [(&str, Vec<u8>); 7] = [
        ("empty", Vec::new()),
        ("truncated", sound[..sound.len() / 2].to_vec()),
        ("header only", sound[..HEADER].to_vec()),
        ("a flipped payload byte", flipped),
        ("another key", foreign_key),
        ("another report's entry", other),
        ("larger than the cache", oversized),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("damage the entry");
        assert_eq!(cache.get(&first), None, "{what} is not read");
        let again = ReadReport::load_cached(&paths[0], &cues, Some(&cache)).expect("read");
        assert_eq!(again, plain, "{what}: analysed again");
        assert_eq!(
            std::fs::read(&file).expect("entry"),
            sound,
            "{what}: made again"
        );
    }
    // Not a file at all.
    std::fs::remove_file(&file).expect("remove");
    std::fs::create_dir(&file).expect("a folder in its place");
    let again = ReadReport::load_cached(&paths[0], &cues, Some(&cache)).expect("read");
    assert_eq!(again, plain, "a folder in an entry's place is not fatal");
}

#[test]
fn a_changed_report_or_changed_cue_words_miss() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let reports = tempfile::tempdir().expect("tempdir");
    let path = reports.path().join("wire.txt");
    std::fs::copy(&event()[4], &path).expect("copy");
    let cache = cache_in(dir.path(), &cues);
    ReadReport::load_cached(&path, &cues, Some(&cache)).expect("cold");
    assert!(cache.get(&report(&path)).is_some());

    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("police"));
    std::fs::write(&path, text.replace("police", "Police")).expect("change");
    assert_eq!(cache.get(&report(&path)), None, "a changed report misses");
    let changed = ReadReport::load_cached(&path, &cues, Some(&cache)).expect("read");
    assert_eq!(changed, ReadReport::load(&path, &cues).expect("read"));
    assert_eq!(entries(dir.path()).len(), 2, "one entry more");

    let extra = crate::suggest::Extra {
        verbs: vec!["relayed".to_owned()],
        ..Default::default()
    };
    let other = cache_in(dir.path(), &Cues::new(&extra).expect("cues"));
    assert_eq!(other.get(&report(&path)), None, "other cue words miss");
    assert_ne!(
        file_of(&other, &report(&path)),
        file_of(&cache, &report(&path))
    );
    assert_eq!(
        file_of(&cache, &report(&path)),
        file_of(&cache_in(dir.path(), &cues), &report(&path)),
        "the same rules find the same entry"
    );

    // The same bytes read another way (a web page's extraction) are another entry.
    let mut html = report(&path);
    html.extracted = Some("html/test".to_owned());
    assert_eq!(cache.get(&html), None, "another format misses");
    assert_ne!(file_of(&cache, &html), file_of(&cache, &report(&path)));
}

#[test]
fn another_build_of_sidenote_reads_none_of_this_ones_entries() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = &event()[0];
    let this = cache_in(dir.path(), &cues);
    ReadReport::load_cached(path, &cues, Some(&this)).expect("cold");
    let first = report(path);
    assert!(this.get(&first).is_some());
    let built = build().expect("the test binary");
    assert_eq!(
        Cache::of_build(dir.path(), &cues, built).get(&first),
        this.get(&first)
    );
    let mut rebuilt = built;
    rebuilt[0] ^= 1;
    let other = Cache::of_build(dir.path(), &cues, rebuilt);
    assert_eq!(other.get(&first), None, "a rebuilt sidenote misses");
    assert_ne!(file_of(&other, &first), file_of(&this, &first));
    // Even with the entry copied where the other build looks, its key does not match.
    std::fs::copy(file_of(&this, &first), file_of(&other, &first)).expect("copy");
    assert_eq!(other.get(&first), None, "another build's entry is not read");
}

#[test]
fn hashes_name_files_safely() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = cache_in(&dir.path().join("cache"), &cues);
    let mut odd = report(&event()[0]);
    for sha256 in ["../../etc/passwd", "", "../escape"] {
        odd.sha256 = sha256.to_owned();
        assert!(cache.entry(&odd).is_none(), "{sha256:?}");
        cache.put(&odd, &[]);
        assert_eq!(cache.get(&odd), None);
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn the_oldest_entries_go_beyond_the_limit_and_no_other_file() {
    let cues = Cues::builtin();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = cache_in(dir.path(), &cues);
    let paths = event();
    for path in &paths {
        ReadReport::load_cached(path, &cues, Some(&cache)).expect("read");
    }
    // Make the entries' ages known: the first report's is the oldest.
    let now = SystemTime::now();
    let mut sizes = Vec::new();
    for (age, path) in (0u64..).zip(&paths) {
        let file = file_of(&cache, &report(path));
        let handle = std::fs::File::options()
            .write(true)
            .open(&file)
            .expect("open");
        handle
            .set_modified(now - Duration::from_secs(1000 - age * 10))
            .expect("set its time");
        sizes.push(handle.metadata().expect("meta").len());
    }
    let stranger = dir.path().join("notes.txt");
    std::fs::write(&stranger, vec![b'x'; 100_000]).expect("a file not ours");
    let total: u64 = sizes.iter().sum();

    // No pruning by a cache that wrote nothing.
    let small = cache_in(dir.path(), &cues).with_limit(total - 1);
    small.prune();
    assert_eq!(entries(dir.path()).len(), paths.len());

    // A run that wrote an entry prunes the oldest until the rest fit.
    let first = report(&paths[0]);
    let signatures = small.get(&first).expect("cached");
    std::fs::remove_file(file_of(&small, &report(&paths[2]))).expect("remove one");
    let (_, _) = read_all(&paths[2..3], &cues, &(), Some(&small));
    let left = entries(dir.path());
    assert_eq!(left.len(), paths.len() - 1, "the oldest went: {left:?}");
    assert!(!file_of(&small, &first).exists(), "the oldest first");
    assert!(
        file_of(&small, &report(&paths[2])).exists(),
        "the new one kept"
    );
    let kept: u64 = left
        .iter()
        .map(|f| std::fs::metadata(f).expect("meta").len())
        .sum();
    assert!(kept < total, "{kept} within the limit");
    assert!(
        stranger.exists(),
        "another file of the folder is never removed"
    );

    // An entry larger than the whole cache may be is neither written nor read.
    let tiny = cache_in(dir.path(), &cues).with_limit(HEADER as u64 + 10);
    tiny.put(&first, &signatures);
    assert!(!file_of(&tiny, &first).exists(), "not written");
    cache.put(&first, &signatures);
    assert!(cache.get(&first).is_some());
    assert_eq!(tiny.get(&first), None, "not read");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Whatever the reports, their groups are the same cold, warm and without a cache.
    #[test]
    fn the_groups_are_the_same_cold_warm_and_without_a_cache(
        reports in prop::collection::vec(
            prop::collection::vec(
                prop::sample::subsequence(
                    vec!["Police", "said", "two", "officers", "were", "injured", "on",
                         "Saturday", "according", "to", "Anna", "Berg", "the", "bridge",
                         "1987", "not", "three", "closed"],
                    3..14,
                ),
                1..6,
            ),
            2..4,
        ),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut paths = Vec::new();
        for (i, sentences) in reports.iter().enumerate() {
            let text: Vec<String> = sentences.iter().map(|w| format!("{}.", w.join(" "))).collect();
            let path = dir.path().join(format!("r{i}.txt"));
            std::fs::write(&path, text.join(" ")).expect("write");
            paths.push(path);
        }
        let cues = Cues::builtin();
        let cache = cache_in(&dir.path().join("cache"), &cues);
        let (without, _) = read_all(&paths, &cues, &(), None);
        let (cold, _) = read_all(&paths, &cues, &(), Some(&cache));
        let (warm, _) = read_all(&paths, &cues, &(), Some(&cache));
        prop_assert_eq!(&cold, &without);
        prop_assert_eq!(&warm, &without);
        prop_assert_eq!(Corroboration::new(warm).groups, Corroboration::new(without).groups);
    }
}
