use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::world::WORLD;
use super::*;
use crate::model::country_url;

use AgreementStatus::{Discussed, Planned, Signed};

fn cc(code: &str) -> CountryCode {
    Gazetteer::global().lookup(code).expect(code)
}

/// One element of a parsed document: its name, attributes, the names of its ancestors
/// (outermost first) and, for `<title>`, its text.
#[derive(Debug)]
struct Node {
    name: String,
    attrs: BTreeMap<String, String>,
    ancestors: Vec<String>,
    text: String,
}

impl Node {
    fn attr(&self, key: &str) -> &str {
        self.attrs.get(key).map_or("", String::as_str)
    }
    fn class_has(&self, class: &str) -> bool {
        self.attr("class").split(' ').any(|c| c == class)
    }
}

fn node(e: &BytesStart, stack: &[String]) -> Node {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let v = a.unescape_value().expect("attribute value").into_owned();
            (String::from_utf8(a.key.as_ref().to_vec()).unwrap(), v)
        })
        .collect();
    Node {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs,
        ancestors: stack.to_vec(),
        text: String::new(),
    }
}

/// Parses `xml` (panicking unless it is one well-formed element) into its elements in order.
fn parse(xml: &str) -> Vec<Node> {
    let mut reader = Reader::from_str(xml);
    let (mut nodes, mut stack, mut open, mut roots) = (Vec::new(), Vec::new(), Vec::new(), 0);
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"))
        {
            Event::Start(e) => {
                roots += usize::from(stack.is_empty());
                nodes.push(node(&e, &stack));
                open.push(nodes.len() - 1);
                stack.push(nodes.last().unwrap().name.clone());
            }
            Event::Empty(e) => {
                roots += usize::from(stack.is_empty());
                nodes.push(node(&e, &stack));
            }
            Event::End(_) => {
                stack.pop();
                open.pop();
            }
            Event::Text(t) => {
                let text = t.decode().unwrap();
                assert!(!stack.is_empty() || text.trim().is_empty(), "text outside");
                if let Some(&i) = open.last() {
                    nodes[i].text.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                let entity = format!("&{};", r.decode().unwrap());
                let text = quick_xml::escape::unescape(&entity).expect("known entity");
                if let Some(&i) = open.last() {
                    nodes[i].text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
    assert_eq!(roots, 1, "one root element");
    nodes
}

/// A small world: Niger's neighbours and partners, plus some tiny states.
fn sample() -> MapInput {
    let countries = [
        ("NE", 6, true),
        ("NG", 4, true),
        ("TD", 1, true),
        ("FR", 3, true),
        ("SG", 2, true),
        ("BH", 1, true),
        ("MT", 1, true),
        ("ML", 0, true),
        ("DZ", 2, false),
    ];
    let pairs = [
        ("NE", "NG", 3, Signed),
        ("NG", "NE", 1, Discussed), // the same pair reversed: merged
        ("NE", "FR", 2, Planned),
        ("TD", "NE", 1, Discussed),
        ("SG", "BH", 2, Signed),
        ("MT", "FR", 1, Planned),
        ("DZ", "NE", 1, Discussed),
    ];
    MapInput {
        countries: countries.iter().map(|&(c, n, p)| (cc(c), n, p)).collect(),
        pairs: pairs
            .iter()
            .map(|&(a, b, n, s)| (cc(a), cc(b), n, s))
            .collect(),
        highlight: None,
    }
}

fn lines_of(nodes: &[Node]) -> Vec<&Node> {
    nodes
        .iter()
        .filter(|n| n.name == "path" && n.attr("class").contains("map-w"))
        .collect()
}

fn titles_in<'a>(nodes: &'a [Node], ancestor: &str) -> Vec<&'a str> {
    nodes
        .iter()
        .filter(|n| n.name == "title" && n.ancestors.iter().any(|a| a == ancestor))
        .map(|n| n.text.as_str())
        .collect()
}

#[test]
fn the_asset_covers_every_gazetteer_country_but_antarctica() {
    let world = &*WORLD;
    assert_eq!((world.width, world.height), (1000, 435));
    for c in Gazetteer::global().countries() {
        let shape = world.get(c.code);
        assert_eq!(shape.is_none(), c.code.as_str() == "AQ", "{}", c.code);
        if let Some(s) = shape {
            let (x, y) = s.anchor;
            assert!(
                (0.0..=1000.0).contains(&x) && (0.0..=435.0).contains(&y),
                "{}",
                c.code
            );
            assert!(
                s.dot || !s.path.is_empty(),
                "{} is neither outline nor dot",
                c.code
            );
        }
    }
    assert!(world.outlines().len() > 170, "{}", world.outlines().len());
}

#[test]
fn the_svg_is_a_titled_described_group_and_well_formed() {
    let svg = svg(&sample(), "../", "Partnerships & agreements <map>");
    let nodes = parse(&svg);
    let root = &nodes[0];
    assert_eq!(root.name, "svg");
    // A group, not an image: an image's links would be hidden from assistive technology.
    assert_eq!(root.attr("role"), "group");
    assert_eq!(root.attr("aria-labelledby"), "map-title");
    assert_eq!(root.attr("aria-describedby"), "map-desc");
    assert_eq!(root.attr("xmlns"), "http://www.w3.org/2000/svg");
    assert_eq!(nodes[1].name, "title");
    assert_eq!(nodes[1].text, "Partnerships & agreements <map>");
    assert_eq!(nodes[2].attr("id"), "map-desc");
    assert!(nodes[2].text.contains("all 6 pairs"), "{}", nodes[2].text);
    let lines = nodes.iter().find(|n| n.class_has("map-lines")).unwrap();
    assert_eq!(
        lines.attr("aria-hidden"),
        "true",
        "the table has the lines' facts"
    );
    parse(&figure(&sample(), "", "Map"));
    parse(&table(&sample(), ""));
    parse(&format!("<div>{}</div>", legend(&sample())));
}

#[test]
fn every_country_with_a_page_links_to_it() {
    let svg = svg(&sample(), "../", "Map");
    let nodes = parse(&svg);
    let hrefs: Vec<&str> = nodes
        .iter()
        .filter(|n| n.name == "a")
        .map(|n| n.attr("href"))
        .collect();
    for (code, _, page) in sample().countries {
        let href = format!("../{}", country_url(code));
        assert_eq!(hrefs.contains(&href.as_str()), page, "{code} {href}");
    }
    assert!(
        nodes
            .iter()
            .filter(|n| n.name == "a")
            .all(|a| a.attr("tabindex") == "-1")
    );
    // A link wraps a shaded shape and carries a title with the count.
    let titles = titles_in(&nodes, "a");
    assert!(titles.contains(&"Niger: 6 agreements"), "{titles:?}");
    assert!(titles.contains(&"Mali: no agreements"), "{titles:?}");
    // Algeria has no page: shaded and titled, but no link.
    assert!(!svg.contains(&country_url(cc("DZ"))));
    assert!(svg.contains("<title>Algeria: 2 agreements</title>"));
}

#[test]
fn one_line_per_pair_with_width_and_status() {
    let nodes = parse(&svg(&sample(), "", "Map"));
    let lines = lines_of(&nodes);
    assert_eq!(lines.len(), 6, "NE–NG given twice is one line");
    let titles = titles_in(&nodes, "path");
    let ne_ng = "Niger – Nigeria: 4 agreements, strongest signed";
    assert!(titles.contains(&ne_ng), "{titles:?}");
    // The strongest pair is drawn last (on top) with the widest stroke.
    let top = lines.last().unwrap();
    assert!(
        top.class_has("map-signed") && top.class_has("map-w4"),
        "{top:?}"
    );
    assert!(lines.iter().any(|l| l.class_has("map-planned")));
    assert!(
        lines
            .iter()
            .any(|l| l.class_has("map-discussed") && l.class_has("map-w1"))
    );
    assert!(lines.iter().all(|l| l.attr("d").contains('Q')));
}

#[test]
fn small_countries_get_a_linked_dot() {
    let nodes = parse(&svg(&sample(), "", "Map"));
    for code in ["SG", "BH", "MT"] {
        let href = country_url(cc(code));
        let i = nodes
            .iter()
            .position(|n| n.name == "a" && n.attr("href") == href);
        let i = i.unwrap_or_else(|| panic!("{code} has no link"));
        assert!(nodes[i].ancestors.contains(&"g".to_string()));
        assert_eq!(nodes[i + 2].name, "circle", "{code}: {:?}", nodes[i + 2]);
        assert!(nodes[i + 2].attr("class").starts_with("map-c"));
    }
    // Big countries are outlines only; a country with no page or agreements gets no dot.
    let circles = nodes.iter().filter(|n| n.name == "circle").count();
    assert_eq!(circles, 3);
}

#[test]
fn a_small_country_with_an_outline_has_one_link_on_its_dot() {
    // Qatar is drawn as an outline and, being small, a dot: both shaded, only the dot linked.
    let mut input = sample();
    input.countries.push((cc("QA"), 2, true));
    let nodes = parse(&svg(&input, "", "Map"));
    let href = country_url(cc("QA"));
    let links: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].name == "a" && nodes[i].attr("href") == href)
        .collect();
    assert_eq!(links.len(), 1, "one link to {href}");
    assert_eq!(nodes[links[0] + 2].name, "circle");
    let unlinked_shades = |nodes: &[Node]| {
        nodes
            .iter()
            .filter(|n| n.name == "path" && n.attr("class").starts_with("map-c"))
            .filter(|n| !n.ancestors.contains(&"a".to_string()))
            .count()
    };
    let before = unlinked_shades(&parse(&svg(&sample(), "", "Map")));
    assert_eq!(
        unlinked_shades(&nodes),
        before + 1,
        "Qatar's outline is shaded, unlinked"
    );
}

#[test]
fn a_country_page_highlights_it_and_draws_only_its_pairs() {
    let mut input = sample();
    input.highlight = Some(cc("NE"));
    let out = svg(&input, "../", "Niger's partners");
    let nodes = parse(&out);
    let here: Vec<&Node> = nodes.iter().filter(|n| n.class_has("map-here")).collect();
    assert_eq!(here.len(), 1);
    let lines = lines_of(&nodes);
    assert_eq!(lines.len(), 4, "NE's pairs with NG, FR, TD, DZ");
    let titles = titles_in(&nodes, "path");
    assert!(
        titles.iter().all(|t| !t.contains("Singapore – ")),
        "{titles:?}"
    );
    // Partners are shaded by their agreements with Niger, and still linked.
    let a = titles_in(&nodes, "a");
    assert!(a.contains(&"Nigeria: 4 agreements with Niger"), "{a:?}");
    assert!(a.contains(&"Singapore: no agreements with Niger"), "{a:?}");
    assert!(out.contains(&format!("href=\"../{}\"", country_url(cc("FR")))));
    // The highlighted country need not be among the input's countries.
    input.countries.retain(|c| c.0 != cc("NE"));
    assert_eq!(svg(&input, "../", "Niger").matches("map-here").count(), 1);
    let table = table(&input, "../");
    parse(&table);
    assert!(
        table.contains("<caption>Partners of Niger</caption>"),
        "{table}"
    );
    assert_eq!(table.matches("<tr>").count(), 5, "header and four partners");
}

#[test]
fn the_home_table_has_the_same_facts() {
    let t = table(&sample(), "");
    let nodes = parse(&t);
    let rows = nodes.iter().filter(|n| n.name == "tr").count();
    assert_eq!(
        rows,
        1 + 9,
        "header and every country with a page or agreements"
    );
    let niger = format!(
        "<a href=\"{}\">Niger</a></th><td class=\"num\">6</td>",
        country_url(cc("NE"))
    );
    assert!(t.contains(&niger), "{t}");
    assert!(t.contains(">Nigeria</a> (4, signed)"), "{t}");
    assert!(
        t.contains("Algeria (1, discussed)"),
        "no page, no link: {t}"
    );
    assert!(table(&MapInput::default(), "").is_empty());
}

#[test]
fn output_is_deterministic() {
    let a = sample();
    let mut b = sample();
    b.countries.reverse();
    b.pairs.reverse();
    assert_eq!(figure(&a, "", "Map"), figure(&b, "", "Map"));
    assert_eq!(table(&a, ""), table(&b, ""));
}

/// The 10,000-document benchmark has ~70 countries and ~4,400 agreements; this is harsher:
/// every gazetteer country has a page and there are ~2,000 distinct pairs.
fn big_input() -> MapInput {
    let codes: Vec<CountryCode> = Gazetteer::global()
        .countries()
        .iter()
        .map(|c| c.code)
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let countries = codes.iter().map(|&c| (c, 1 + next(400), true)).collect();
    let pairs = (0..2_000)
        .map(|_| {
            let (a, b) = (codes[next(codes.len())], codes[next(codes.len())]);
            (a, b, 1 + next(60), AgreementStatus::ALL[next(3)])
        })
        .collect();
    MapInput {
        countries,
        pairs,
        highlight: None,
    }
}

#[test]
fn the_home_map_stays_small_with_thousands_of_pairs() {
    let input = big_input();
    let fig = figure(&input, "", "Partnerships");
    let nodes = parse(&fig);
    assert_eq!(lines_of(&nodes).len(), MAX_LINES);
    assert!(fig.contains(&format!("the {MAX_LINES} pairs with the most agreements")));
    let table = table(&input, "");
    eprintln!("home map {} bytes, table {} bytes", fig.len(), table.len());
    assert!(fig.len() < 150 * 1024, "home map is {} bytes", fig.len());
    let mut page = input;
    page.highlight = Some(cc("FR"));
    let fig = figure(&page, "../", "France");
    eprintln!("country map {} bytes", fig.len());
    assert!(fig.len() < 150 * 1024);
}

#[test]
fn scales_are_log_spaced_and_cover_every_count() {
    assert_eq!(Scale::new(0, 4).classes(), vec![]);
    assert_eq!(Scale::new(1, 4).classes(), vec![(1, "1".to_string())]);
    let s = Scale::new(400, 4);
    let labels: Vec<String> = s.classes().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["1–4", "5–20", "21–89", "90–400"]);
    assert_eq!(
        (
            s.class(0),
            s.class(1),
            s.class(20),
            s.class(21),
            s.class(400)
        ),
        (0, 1, 2, 3, 4)
    );
    assert_eq!(Scale::new(3, 4).classes().len(), 3);
}
