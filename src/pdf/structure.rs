//! The PDF's logical structure (a tagged PDF): which text is a heading, a paragraph, a list
//! item or a table cell, in reading order, so that screen readers and reflow can use it.
//!
//! Owns: the structure tree built alongside the layout ([`StructTree`]), and writing it into
//! the document as a `/StructTreeRoot` with its parent tree, `/MarkInfo` and each page's
//! `/StructParents`. printpdf has no structure tree, so it is written through lopdf; printpdf's
//! marked-content operators carry the `/MCID`s that tie page content to it (see
//! [`super::draw`]). Everything not in the tree (footers, page numbers, rules, boxes, bars,
//! repeated table headers) is marked as an artifact.
//! Must not touch: layout or content.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A standard structure type (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The whole document.
    Document,
    /// Headings by level.
    H1,
    /// Level 2.
    H2,
    /// Level 3.
    H3,
    /// A paragraph.
    P,
    /// A quotation of someone's words.
    BlockQuote,
    /// A generic block (a notice).
    Div,
    /// A list.
    L,
    /// A list item.
    LI,
    /// A list item's bullet.
    Lbl,
    /// A list item's text.
    LBody,
    /// A table (also facts and bar charts, whose values are in words).
    Table,
    /// A table's header rows.
    THead,
    /// A table's body rows.
    TBody,
    /// A row.
    TR,
    /// A column header cell.
    ThColumn,
    /// A row header cell.
    ThRow,
    /// A data cell.
    TD,
    /// A table's caption.
    Caption,
}

impl Role {
    /// The structure type's name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::BlockQuote => "BlockQuote",
            Role::Div => "Div",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::ThColumn | Role::ThRow => "TH",
            Role::TD => "TD",
            Role::Caption => "Caption",
        }
    }

    /// The heading role for a level from 1 to 3.
    pub(crate) fn heading(level: usize) -> Self {
        match level {
            1 => Role::H1,
            2 => Role::H2,
            _ => Role::H3,
        }
    }
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Elem {
    /// Its type.
    pub(crate) role: Role,
    /// Its parent (the root, the document, is its own parent).
    pub(crate) parent: usize,
}

/// The structure tree: element 0 is the document; children are in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StructTree {
    /// The elements, parents before children.
    pub(crate) elems: Vec<Elem>,
}

/// The document element.
pub(crate) const ROOT: usize = 0;

impl StructTree {
    /// A tree holding only the document element.
    pub(crate) fn new() -> Self {
        Self {
            elems: vec![Elem {
                role: Role::Document,
                parent: ROOT,
            }],
        }
    }

    /// Adds an element under `parent`, after its other children; returns its index.
    pub(crate) fn add(&mut self, parent: usize, role: Role) -> usize {
        self.elems.push(Elem { role, parent });
        self.elems.len() - 1
    }

    /// The role of element `index`.
    pub(crate) fn role(&self, index: usize) -> Role {
        self.elems.get(index).map_or(Role::P, |e| e.role)
    }
}

/// A piece of marked content on a page: its page index, its MCID and the element it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Page index, from 0.
    pub(crate) page: usize,
    /// Marked-content id, numbered from 0 on each page.
    pub(crate) mcid: i64,
    /// The element.
    pub(crate) elem: usize,
}

/// Writes the tree into `doc`: the structure elements, the parent tree, each page's
/// `/StructParents`, and the catalog's `/StructTreeRoot` and `/MarkInfo`.
pub(crate) fn write(doc: &mut Document, tree: &StructTree, marks: &[Mark]) -> Result<(), String> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = tree.elems.iter().map(|_| doc.new_object_id()).collect();

    // Kids in order: child elements, and each element's marked content.
    let mut kids: Vec<Vec<Object>> = vec![Vec::new(); tree.elems.len()];
    for (i, elem) in tree.elems.iter().enumerate().skip(1) {
        kids[elem.parent].push(Object::Reference(ids[i]));
    }
    // An element whose content is all on one page names the page once (/Pg) and lists bare
    // MCIDs; one that crosses pages lists marked-content references.
    let mut only_page: Vec<Option<Option<usize>>> = vec![None; tree.elems.len()];
    for mark in marks {
        let seen = &mut only_page[mark.elem];
        *seen = match *seen {
            None => Some(Some(mark.page)),
            Some(Some(p)) if p == mark.page => Some(Some(p)),
            _ => Some(None),
        };
    }
    for mark in marks {
        let Some(&page) = pages.get(mark.page) else {
            continue;
        };
        if only_page[mark.elem] == Some(Some(mark.page)) {
            kids[mark.elem].push(Object::Integer(mark.mcid));
        } else {
            let mut mcr = Dictionary::new();
            mcr.set("Type", Object::Name(b"MCR".to_vec()));
            mcr.set("Pg", Object::Reference(page));
            mcr.set("MCID", mark.mcid);
            kids[mark.elem].push(Object::Dictionary(mcr));
        }
    }
    // A table header cell's scope, written once for all the cells that share it.
    let mut scopes: Vec<(&[u8], ObjectId)> = Vec::new();
    for (i, elem) in tree.elems.iter().enumerate() {
        // `/Type /StructElem` is optional and would be repeated thousands of times.
        let mut d = Dictionary::new();
        d.set("S", Object::Name(elem.role.name().as_bytes().to_vec()));
        d.set(
            "P",
            Object::Reference(if i == ROOT { root_id } else { ids[elem.parent] }),
        );
        if let Some(Some(page)) = only_page[i] {
            if let Some(&page) = pages.get(page) {
                d.set("Pg", Object::Reference(page));
            }
        }
        let mut k = std::mem::take(&mut kids[i]);
        d.set(
            "K",
            // One kid stands alone; more go in an array.
            if k.len() == 1 {
                k.remove(0)
            } else {
                Object::Array(k)
            },
        );
        let scope: Option<&[u8]> = match elem.role {
            Role::ThColumn => Some(b"Column"),
            Role::ThRow => Some(b"Row"),
            _ => None,
        };
        if let Some(scope) = scope {
            let id = match scopes.iter().find(|(s, _)| *s == scope) {
                Some(&(_, id)) => id,
                None => {
                    let mut a = Dictionary::new();
                    a.set("O", Object::Name(b"Table".to_vec()));
                    a.set("Scope", Object::Name(scope.to_vec()));
                    let id = doc.add_object(a);
                    scopes.push((scope, id));
                    id
                }
            };
            d.set("A", Object::Reference(id));
        }
        doc.set_object(ids[i], d);
    }

    // The parent tree: for each page, the element of each MCID.
    let mut per_page: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for mark in marks {
        if let Some(list) = per_page.get_mut(mark.page) {
            let slot = mark.mcid as usize;
            if list.len() <= slot {
                list.resize(slot + 1, Object::Null);
            }
            list[slot] = Object::Reference(ids[mark.elem]);
        }
    }
    // Each page's list written in the tree itself: one object instead of one a page.
    let mut nums = Vec::new();
    for (n, list) in per_page.into_iter().enumerate() {
        nums.push(Object::Integer(n as i64));
        nums.push(Object::Array(list));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", nums);
    let parent_tree_id = doc.add_object(parent_tree);

    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", Object::Reference(ids[ROOT]));
    root.set("ParentTree", Object::Reference(parent_tree_id));
    root.set("ParentTreeNextKey", pages.len() as i64);
    doc.set_object(root_id, root);

    for (n, page) in pages.iter().enumerate() {
        let dict = doc
            .get_dictionary_mut(*page)
            .map_err(|e| format!("page {} is missing: {e}", n + 1))?;
        dict.set("StructParents", n as i64);
        // Tab through annotations in structure order (there are none yet; harmless).
        dict.set("Tabs", Object::Name(b"S".to_vec()));
    }
    let catalog = doc.catalog_mut().map_err(|e| format!("no catalog: {e}"))?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", true);
    catalog.set("MarkInfo", mark_info);
    Ok(())
}
