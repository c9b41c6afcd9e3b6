//! What covers the reader's main screen: the help, the claim editor with its fields, the search
//! prompt, the adjudication view. Plain state, no behaviour beyond stepping between fields.

use std::ops::Range;

use crate::annotate::{Claim, ClaimId, SourceKind};
use crate::tui::input::TextInput;

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
    const ORDER: [Self; 6] = [
        Self::Tag,
        Self::Source,
        Self::Kind,
        Self::Grade,
        Self::Note,
        Self::Labels,
    ];

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
    /// The labels field, comma-separated.
    pub labels: TextInput,
}

impl Editor {
    /// An editor over `claim` (which covers `span`), its fields filled from it, the cursor on
    /// `field`.
    pub fn of_claim(claim: &Claim, span: Range<usize>, field: Field) -> Self {
        Self {
            claim: Some(claim.id.clone()),
            span,
            status: claim.status.clone(),
            field,
            source: TextInput::new(claim.source.as_deref().unwrap_or("")),
            source_kind: claim.source_kind,
            grade: TextInput::new(&claim.grade.map(|g| g.to_string()).unwrap_or_default()),
            note: TextInput::new(claim.note.as_deref().unwrap_or("")),
            labels: TextInput::new(&claim.labels.join(", ")),
        }
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
