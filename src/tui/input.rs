//! A small text field for every input of the terminal app (the claim editor, the search prompt,
//! the review screen's filter): insert, delete, move by character, word and line.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Editable text with a cursor (a byte offset on a char boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    /// Applies an editing key: characters, Backspace and Delete, Ctrl-w and Ctrl-u, the arrows
    /// (with Ctrl, or Alt-b and Alt-f, by word), Home and End (Ctrl-a, Ctrl-e); in a `multiline`
    /// field Enter, Up and Down too. Every one-line input of both screens types through this.
    pub fn edit(&mut self, event: KeyEvent, multiline: bool) {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match event.code {
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char('u') if ctrl => self.delete_to_line_start(),
            KeyCode::Char('a') if ctrl => self.home(),
            KeyCode::Char('e') if ctrl => self.end(),
            KeyCode::Char('b') if alt => self.word_left(),
            KeyCode::Char('f') if alt => self.word_right(),
            KeyCode::Char(c) if !ctrl && !alt => self.insert(c),
            KeyCode::Enter if multiline => self.insert('\n'),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left if ctrl => self.word_left(),
            KeyCode::Right if ctrl => self.word_right(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Up if multiline => self.up(),
            KeyCode::Down if multiline => self.down(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => {}
        }
    }

    /// A field holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.len(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's line and column (in characters), for placing the terminal cursor.
    pub fn cursor_line_col(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (line, col)
    }

    /// Inserts a character (or a line break) at the cursor.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    /// Deletes the word before the cursor (Ctrl-W).
    pub fn delete_word(&mut self) {
        let start = self.word_left_of(self.cursor);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    pub fn delete_to_line_start(&mut self) {
        let start = self.line_start();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Moves one character left.
    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    /// Moves one character right.
    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Moves to the start of the previous word.
    pub fn word_left(&mut self) {
        self.cursor = self.word_left_of(self.cursor);
    }

    /// Moves past the end of the next word.
    pub fn word_right(&mut self) {
        let rest = &self.text[self.cursor..];
        let skip_space = rest.len() - rest.trim_start().len();
        let word = rest[skip_space..]
            .find(char::is_whitespace)
            .unwrap_or(rest.len() - skip_space);
        self.cursor += skip_space + word;
    }

    /// Moves to the start of the line.
    pub fn home(&mut self) {
        self.cursor = self.line_start();
    }

    /// Moves to the end of the line.
    pub fn end(&mut self) {
        self.cursor += self.text[self.cursor..]
            .find('\n')
            .unwrap_or(self.text.len() - self.cursor);
    }

    /// Moves to the same column on the line above, if there is one.
    pub fn up(&mut self) {
        let start = self.line_start();
        if start == 0 {
            return;
        }
        let col = self.text[start..self.cursor].chars().count();
        let prev_start = self.text[..start - 1].rfind('\n').map_or(0, |p| p + 1);
        self.cursor = column_in(&self.text, prev_start, start - 1, col);
    }

    /// Moves to the same column on the line below, if there is one.
    pub fn down(&mut self) {
        let Some(newline) = self.text[self.cursor..].find('\n').map(|p| self.cursor + p) else {
            return;
        };
        let col = self.text[self.line_start()..self.cursor].chars().count();
        let next_end = self.text[newline + 1..]
            .find('\n')
            .map_or(self.text.len(), |p| newline + 1 + p);
        self.cursor = column_in(&self.text, newline + 1, next_end, col);
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |p| p + 1)
    }

    fn word_left_of(&self, at: usize) -> usize {
        let before = self.text[..at].trim_end();
        before.rfind(char::is_whitespace).map_or(0, |p| p + 1)
    }
}

/// The byte offset of column `col` within the line `start..end` (its end when shorter).
fn column_in(text: &str, start: usize, end: usize, col: usize) -> usize {
    text[start..end]
        .char_indices()
        .nth(col)
        .map_or(end, |(i, _)| start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor() {
        let mut input = TextInput::new("CTD");
        input.insert(' ');
        input.insert('é');
        assert_eq!(input.text(), "CTD é");
        input.backspace();
        input.left();
        input.left();
        input.delete();
        assert_eq!(input.text(), "CT ");
        input.home();
        input.insert('>');
        assert_eq!(input.text(), ">CT ");
    }

    #[test]
    fn words_and_lines() {
        let mut input = TextInput::new("senior police official");
        input.delete_word();
        assert_eq!(input.text(), "senior police ");
        input.word_left();
        assert_eq!(input.cursor_line_col(), (0, 7));
        input.word_right();
        assert_eq!(input.cursor_line_col(), (0, 13));
        input.end();
        input.delete_to_line_start();
        assert_eq!(input.text(), "");
    }

    #[test]
    fn moves_between_lines_keeping_the_column() {
        let mut input = TextInput::new("first line\nab\nthird line");
        assert_eq!(input.cursor_line_col(), (2, 10));
        input.up();
        assert_eq!(input.cursor_line_col(), (1, 2));
        input.up();
        assert_eq!(input.cursor_line_col(), (0, 2));
        input.down();
        input.down();
        assert_eq!(input.cursor_line_col(), (2, 2));
        input.down();
        assert_eq!(input.cursor_line_col(), (2, 2));
    }
}
