//! Positions in source text, for messages that say where a problem is.

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where a piece of a file starts in it (1-based line and column), so that a position in the
/// piece can be told as a position in the file: a document's body begins after its front
/// matter and title, and messages must name the file's own lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// The line of the piece's first character.
    pub line: usize,
    /// The column of the piece's first character.
    pub column: usize,
}

impl Default for Origin {
    fn default() -> Origin {
        Origin { line: 1, column: 1 }
    }
}

impl Origin {
    /// The origin of the piece of `file` that starts at byte `offset`.
    pub fn of(file: &str, offset: usize) -> Origin {
        let (line, column) = line_col(file, offset);
        Origin { line, column }
    }

    /// Line and column in the file of byte `offset` of `piece`.
    pub fn locate(&self, piece: &str, offset: usize) -> (usize, usize) {
        let (line, column) = line_col(piece, offset);
        if line == 1 {
            (self.line, self.column + column - 1)
        } else {
            (self.line + line - 1, column)
        }
    }
}

/// The largest char boundary at or below `i` (std's version is not stable yet).
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_chars() {
        assert_eq!(line_col("ab\ncdé f", 0), (1, 1));
        assert_eq!(line_col("ab\ncdé f", 3), (2, 1));
        assert_eq!(line_col("ab\ncdé f", 7), (2, 4));
    }

    #[test]
    fn origins_shift_positions_into_the_file() {
        let file = "+++\ntitle = \"x\"\n+++\n# T\n\nBody [a](b.md)\n";
        let body = &file[file.find("\nBody").unwrap()..];
        let origin = Origin::of(file, file.len() - body.len());
        // The body starts with the newline that ends the empty line 5.
        assert_eq!(origin, Origin { line: 5, column: 1 });
        assert_eq!(origin.locate(body, body.find('[').unwrap()), (6, 6));
        // A piece that starts mid-line keeps counting that line's columns.
        let rest = &file[file.find("T\n").unwrap()..];
        let origin = Origin::of(file, file.len() - rest.len());
        assert_eq!(origin.locate(rest, 0), (4, 3));
    }
}
