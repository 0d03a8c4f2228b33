//! Plain-text articles, as they come off the wire, turned into Markdown: paragraphs from blank
//! lines (or from single line breaks when the file never leaves a blank line), short lines
//! without end punctuation as subheadings, and every character escaped so that nothing in the
//! text is read as Markdown or HTML.

/// A plain-text article as Markdown, plus the headline line it opened with, if any.
#[derive(Debug, PartialEq, Eq)]
pub struct Structured {
    /// The body as Markdown.
    pub markdown: String,
    /// A first line that reads as a headline (short, unpunctuated, followed by text).
    pub headline: Option<String>,
}

/// Structures a plain-text article.
pub fn structure(text: &str) -> Structured {
    // Old Mac line endings (a bare CR) are line breaks to CommonMark too; make them plain ones.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let chunks = chunks(&text);
    let mut markdown = String::with_capacity(text.len() + text.len() / 8);
    let mut headline = None;
    let last = chunks.len().saturating_sub(1);
    for (i, chunk) in chunks.iter().enumerate() {
        let heading = i < last && is_subheading(chunk);
        if i == 0 && heading {
            headline = Some(chunk.clone());
            continue;
        }
        if heading {
            markdown.push_str("## ");
        }
        escape_into(chunk, &mut markdown);
        markdown.push_str("\n\n");
    }
    Structured { markdown, headline }
}

/// Paragraph texts: split at blank lines when the file has any, else at every line break.
fn chunks(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let uses_blank_lines = lines
        .windows(3)
        .any(|w| !w[0].is_empty() && w[1].is_empty() && !w[2].is_empty());
    let mut out = Vec::new();
    if uses_blank_lines {
        let mut current: Vec<&str> = Vec::new();
        for line in lines.iter().copied().chain(std::iter::once("")) {
            if line.is_empty() {
                if !current.is_empty() {
                    out.push(current.join(" "));
                    current.clear();
                }
            } else if current.len() == 1
                && is_subheading(current[0])
                && !ends_sentence(current[0])
                && line
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                // "Headline\nDATELINE — text": a heading line directly above its paragraph.
                out.push(current[0].to_string());
                current[0] = line;
            } else {
                current.push(line);
            }
        }
    } else {
        out.extend(
            lines
                .iter()
                .filter(|l| !l.is_empty())
                .map(|l| l.to_string()),
        );
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':'])
}

/// A line reads as a subheading when it is short, starts with a capital or digit, and does not
/// end like a sentence, a clause or a dateline.
pub fn is_subheading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let Some(first) = line.chars().next() else {
        return false;
    };
    let last = line.chars().next_back().unwrap_or(' ');
    (1..=14).contains(&words)
        && line.chars().count() <= 100
        && (first.is_uppercase() || first.is_ascii_digit())
        && line.chars().any(char::is_alphabetic)
        && !".!?:;,…\"”’'-–—)(".contains(last)
        && !is_byline(line)
}

fn is_byline(line: &str) -> bool {
    [
        "By ",
        "Reporting by",
        "Editing by",
        "Writing by",
        "Photo",
        "Source:",
        "Image",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// Appends `text` with every ASCII punctuation character backslash-escaped (always valid in
/// CommonMark), so plain text can never turn into markup.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_breaks_make_paragraphs_and_short_lines_headings() {
        let s = structure("First paragraph here.\nA Heading Line\nSecond paragraph.\n");
        assert_eq!(s.headline, None);
        assert_eq!(
            s.markdown,
            "First paragraph here\\.\n\n## A Heading Line\n\nSecond paragraph\\.\n\n"
        );
    }

    #[test]
    fn blank_lines_join_wrapped_lines() {
        let s = structure("One line\nwrapped here.\n\nNext para.\n");
        assert_eq!(s.markdown, "One line wrapped here\\.\n\nNext para\\.\n\n");
    }

    #[test]
    fn a_short_first_line_is_the_headline() {
        let s = structure("Kenya and Ghana Sign Trade Pact\n\nNAIROBI, May 2 (Reuters) - Text.\n");
        assert_eq!(
            s.headline.as_deref(),
            Some("Kenya and Ghana Sign Trade Pact")
        );
    }

    #[test]
    fn markup_is_escaped() {
        let s = structure("<script>alert(1)</script> *x* & [y](javascript:z)\n");
        assert!(s.markdown.contains("\\<script\\>"), "{}", s.markdown);
        let html = crate::render::markdown::render(
            &s.markdown,
            &crate::ingest::blocks::blocks(&s.markdown),
            &[],
        )
        .html;
        assert!(
            html.contains("&lt;script&gt;") && !html.contains("<script"),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"), "{html}");
    }

    #[test]
    fn subheading_rules() {
        assert!(is_subheading("Deepening Ties with Africa and Asia"));
        assert!(!is_subheading("This ends with a period."));
        assert!(!is_subheading("LIMA, March 3 (Reuters) -"));
        assert!(!is_subheading("lowercase start"));
        assert!(!is_subheading("By Jane Doe"));
    }
}
