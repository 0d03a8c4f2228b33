//! The timeline: dated documents and agreements, latest first, and what has no date kept
//! apart — never given one.

use super::{Agreement, Document};
use crate::terms::Date;

/// One thing on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// An agreement, by index into the corpus's agreements; dated by its signing or meeting.
    Agreement(usize),
    /// A document, by index into the corpus's documents; dated by its publication.
    Document(usize),
}

/// Documents and agreements in time order.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Dated items, latest first (an agreement before the documents of the same day, then by
    /// index, which follows paths and slugs).
    pub dated: Vec<(Date, Item)>,
    /// Items without a full date, agreements first.
    pub undated: Vec<Item>,
}

impl Timeline {
    /// The timeline of every document and agreement.
    pub fn build(documents: &[Document], agreements: &[Agreement]) -> Timeline {
        let items = (0..agreements.len())
            .map(|i| (agreements[i].date, Item::Agreement(i)))
            .chain((0..documents.len()).map(|i| (documents[i].date(), Item::Document(i))));
        let mut t = Timeline::default();
        for (date, item) in items {
            match date {
                Some(d) => t.dated.push((d, item)),
                None => t.undated.push(item),
            }
        }
        t.dated.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        t
    }
}
