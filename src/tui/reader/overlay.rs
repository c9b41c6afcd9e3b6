//! What covers the reader's main screen: the help, the claim editor with its fields, the search
//! prompt, the adjudication view. Plain state, no behaviour beyond stepping between fields.

use std::ops::Range;

use crossterm::event::KeyEvent;

use crate::annotate::merge::CONFLICT_LABEL;
use crate::annotate::{AGREED_LABEL, Claim, ClaimId, SourceKind};
use crate::suggest::Verdict;
use crate::tui::input::TextInput;

/// Labels the program sets and reads itself: `agreed` (adjudication) and `conflict` (a merge).
/// The editor shows them beside the Labels field but never as text to edit, and keeps them on
/// save whatever is typed: a stray key must not turn an agreed claim into an annotator's claim.
pub const PROGRAM_LABELS: [&str; 2] = [AGREED_LABEL, CONFLICT_LABEL];

/// A field of the claim editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The tag, chosen with Left/Right or the tag's key.
    Tag,
    /// Who the claim is attributed to.
    Source,
    /// Whether the source is named or anonymous (or not said), chosen with Left/Right.
    Kind,
    /// The source's grade on the Admiralty scale (`B2`), empty for none.
    Grade,
    /// Free text; Enter starts a new line.
    Note,
    /// Comma-separated labels.
    Labels,
}

impl Field {
    /// The fields, top to bottom, in the order Tab steps through them.
    pub const ORDER: [Self; 6] = [
        Self::Tag,
        Self::Source,
        Self::Kind,
        Self::Grade,
        Self::Note,
        Self::Labels,
    ];

    /// The field's name on screen.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tag => "Tag",
            Self::Source => "Source",
            Self::Kind => "Kind",
            Self::Grade => "Grade",
            Self::Note => "Note",
            Self::Labels => "Labels",
        }
    }

    pub(super) fn step(self, forward: bool) -> Self {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = Self::ORDER.len();
        Self::ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// The claim editor: the fields being edited, applied only on save.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The claim being edited, or `None` for a new claim over `span`.
    pub claim: Option<ClaimId>,
    /// The byte range the claim covers.
    pub span: Range<usize>,
    /// The chosen tag. It may be one the config does not know (a colleague's), which is kept
    /// unless the user picks another.
    pub status: String,
    /// The field with the cursor.
    pub field: Field,
    /// The source field.
    pub source: TextInput,
    /// Whether the source is named or anonymous; `None` when not said.
    pub source_kind: Option<SourceKind>,
    /// The grade field (`B2`, or empty).
    pub grade: TextInput,
    /// The note field.
    pub note: TextInput,
    /// The labels field, comma-separated: the labels the user may edit.
    pub labels: TextInput,
    /// The claim's [`PROGRAM_LABELS`], shown read-only and kept on save.
    pub markers: Vec<String>,
    /// The tag a new claim opened with, while typing a source may still change it (see
    /// [`Editor::edit_source`]); `None` once the user picks the tag by hand.
    pub tag_before_source: Option<String>,
    /// What the fields held when the editor opened ([`Editor::fields`]), to tell whether closing
    /// it without saving would throw away something typed.
    pub opened_with: String,
    /// Whether the cancel key was pressed once over changed fields: a second press discards them.
    pub discard_armed: bool,
}

impl Editor {
    /// An editor over `claim` (which covers `span`), its fields filled from it, the cursor on
    /// `field`.
    pub fn of_claim(claim: &Claim, span: Range<usize>, field: Field) -> Self {
        let (markers, labels): (Vec<String>, Vec<String>) = claim
            .labels
            .iter()
            .cloned()
            .partition(|l| PROGRAM_LABELS.contains(&l.as_str()));
        Self {
            claim: Some(claim.id.clone()),
            span,
            status: claim.status.clone(),
            field,
            source: TextInput::new(claim.source.as_deref().unwrap_or("")),
            source_kind: claim.source_kind,
            grade: TextInput::new(&claim.grade.map(|g| g.to_string()).unwrap_or_default()),
            note: TextInput::new(claim.note.as_deref().unwrap_or("")),
            labels: TextInput::new(&labels.join(", ")),
            markers,
            tag_before_source: None,
            opened_with: String::new(),
            discard_armed: false,
        }
        .opened()
    }

    /// An editor for a new claim over `span`, tagged `status` with `source` filled in (what the
    /// suggestion said, or nothing). The cursor starts on the Source field, as for an existing
    /// claim, so text typed at once is kept as the source and never taken as tag keys.
    pub fn new_claim(
        span: Range<usize>,
        status: String,
        source: &str,
        source_kind: Option<SourceKind>,
    ) -> Self {
        Self {
            claim: None,
            span,
            field: Field::Source,
            source: TextInput::new(source),
            source_kind,
            grade: TextInput::default(),
            note: TextInput::default(),
            labels: TextInput::default(),
            markers: Vec::new(),
            tag_before_source: source.trim().is_empty().then(|| status.clone()),
            status,
            opened_with: String::new(),
            discard_armed: false,
        }
        .opened()
    }

    /// The editor as it opens: what its fields hold now is what "unchanged" means.
    fn opened(mut self) -> Self {
        self.opened_with = self.fields();
        self
    }

    /// What the fields hold, as one string: equal for two editors that would save the same claim.
    fn fields(&self) -> String {
        format!(
            "{}\u{0}{}\u{0}{:?}\u{0}{}\u{0}{}\u{0}{}",
            self.status,
            self.source.text(),
            self.source_kind,
            self.grade.text(),
            self.note.text(),
            self.labels.text()
        )
    }

    /// Whether something was typed or chosen since the editor opened.
    pub fn changed(&self) -> bool {
        self.fields() != self.opened_with
    }

    /// Types `event` into the Source field: the one place the source's text changes from the
    /// keyboard.
    ///
    /// A new claim that opened with no source follows what is typed: tagged `unsourced`, it
    /// becomes `sourced` as soon as a source is typed, and `unsourced` again if the source is
    /// emptied, until the user picks a tag by hand. Naming who said it is saying the claim is
    /// sourced, and a demanding user should not have to go back and flip the tag (or, worse,
    /// save a claim that is both unsourced and attributed). An existing claim's tag and a
    /// source the suggestion filled in (perhaps a hedge such as "critics") are left alone.
    pub fn edit_source(&mut self, event: KeyEvent, tags: &[String]) {
        self.source.edit(event, false);
        let Some(before) = &self.tag_before_source else {
            return;
        };
        let (sourced, unsourced) = (Verdict::Sourced.name(), Verdict::Unsourced.name());
        if before != unsourced || !tags.iter().any(|t| t == sourced) {
            return;
        }
        let typed = !self.source.text().trim().is_empty();
        (if typed { sourced } else { unsourced }).clone_into(&mut self.status);
    }

    /// The labels to save: the markers, then the typed labels (any of [`PROGRAM_LABELS`] typed
    /// by hand is left out, and returned second, so the user can be told).
    pub fn labels_to_save(&self) -> (Vec<String>, Vec<String>) {
        let (refused, typed): (Vec<String>, Vec<String>) = self
            .labels
            .text()
            .split(',')
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .partition(|l| PROGRAM_LABELS.contains(&l.as_str()));
        let mut labels = self.markers.clone();
        labels.extend(typed);
        let refused = refused
            .into_iter()
            .filter(|l| !self.markers.contains(l))
            .collect();
        (labels, refused)
    }
}

/// What covers the main screen, if anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Nothing: the article and the panel take keys.
    None,
    /// The help screen, scrolled by this many rows.
    Help(usize),
    /// The claim editor.
    Editor(Box<Editor>),
    /// The search prompt, and the cursor sentence to return to on `Esc`.
    Search(TextInput, usize),
    /// The adjudication view: the sentences where the authors disagree, one at a time.
    Adjudicate(Adjudication),
}

/// Where the adjudication view is: the disagreeing sentences and the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjudication {
    /// Indices of the sentences where the authors' tags or grades differ, in order.
    pub sentences: Vec<usize>,
    /// Which of them is shown.
    pub at: usize,
}

impl Adjudication {
    /// The sentence shown.
    pub fn sentence(&self) -> Option<usize> {
        self.sentences.get(self.at).copied()
    }
}
