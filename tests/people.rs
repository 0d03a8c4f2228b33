//! People pages: one per person (one name within one country), the people index by country,
//! and the links to them from who's who, documents and signatories.

mod common;

use std::path::Path;

use common::*;

fn links(site: &Path, page: &str, scope: &str) -> Vec<(String, String)> {
    let html = read_html(site, page);
    html.select(&sel(&format!("{scope} a")))
        .map(|a| (text_of(a), a.value().attr("href").unwrap_or("").to_string()))
        .collect()
}

#[test]
fn the_example_has_a_page_per_person_with_role_sentence_agreements_and_companions() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build_example(tmp.path());
    let page = "people/alparslan-bayraktar.html";
    let html = read_html(&site, page);
    let h1 = html.select(&sel("main h1")).next().map(text_of);
    assert_eq!(h1.as_deref(), Some("Alparslan Bayraktar"));
    let meta = html
        .select(&sel(".person-header .meta"))
        .next()
        .map(text_of)
        .unwrap();
    assert!(
        meta.contains("Energy and Natural Resources Minister"),
        "{meta}"
    );
    assert!(meta.contains("Türkiye"), "{meta}");
    // The role comes with the sentence that states it, linked to its paragraph.
    let quote = html
        .select(&sel("#person-roles ~ figure blockquote"))
        .next()
        .map(text_of)
        .unwrap();
    assert!(quote.contains("Alparslan Bayraktar"), "{quote}");
    let source = links(&site, page, "#person-roles ~ figure figcaption");
    assert!(
        source[0].1.starts_with("../documents/") && source[0].1.contains(".html#"),
        "{source:?}"
    );
    let signed = links(&site, page, ".agreement-card .card-title");
    assert_eq!(
        signed,
        vec![(
            "Niger–Türkiye MoU on mineral exploration and mining".to_string(),
            "../agreements/niger-turkiye-mou-mineral-exploration-and-mining.html".to_string()
        )]
    );
    let with: Vec<String> = links(&site, page, ".side-panel")
        .into_iter()
        .map(|l| l.0)
        .collect();
    assert_eq!(
        with,
        [
            "Abarchi Ousmane",
            "Kizito Pakabomba Kapinga",
            "Sherali Kabir",
            "Wang Guanghua"
        ]
    );
    assert_no_broken_links(&site);
}

#[test]
fn who_is_who_documents_and_signatories_link_to_people_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build_example(tmp.path());
    let target = "../people/alparslan-bayraktar.html";
    let country = links(&site, "countries/turkiye.html", "#country-people ~ ul");
    assert!(country.iter().any(|l| l.1 == target), "{country:?}");
    let agreement = links(
        &site,
        "agreements/niger-turkiye-mou-mineral-exploration-and-mining.html",
        ".facts",
    );
    assert!(
        agreement.contains(&("Alparslan Bayraktar".into(), target.into())),
        "{agreement:?}"
    );
    assert!(
        agreement.contains(&(
            "Abarchi Ousmane".into(),
            "../people/abarchi-ousmane.html".into()
        )),
        "{agreement:?}"
    );
    let doc = own_pages(&site.join("documents"))
        .into_iter()
        .find(|p| p != "index.html")
        .unwrap();
    let people: Vec<String> = links(&site, &format!("documents/{doc}"), "#side-people ~ ul")
        .into_iter()
        .filter(|l| l.1.starts_with("../people/"))
        .map(|l| l.0)
        .collect();
    assert_eq!(
        people,
        [
            "Alparslan Bayraktar",
            "Abarchi Ousmane",
            "Wang Guanghua",
            "Kizito Pakabomba Kapinga",
            "Sherali Kabir"
        ]
    );
}

#[test]
fn people_index_groups_people_by_country() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build_example(tmp.path());
    let html = read_html(&site, "people/index.html");
    let groups: Vec<(String, Vec<String>)> = html
        .select(&sel("main section"))
        .map(|s| {
            let h = s.select(&sel("h2")).next().map(text_of).unwrap_or_default();
            let names = s.select(&sel("li a")).map(text_of).collect();
            (h, names)
        })
        .collect();
    let names: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(
        names,
        ["China", "DR Congo", "Niger", "Tajikistan", "Türkiye"]
    );
    assert_eq!(groups[4].1, ["Alparslan Bayraktar"]);
}

#[test]
fn one_name_in_two_countries_is_two_people_and_the_build_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    let seeds = root.join("seeds");
    write_seed(
        &seeds,
        "a.md",
        "+++\ntitle = \"Kenya and Ghana talk mining\"\ndate = 2025-03-01\n+++\n\nKenya's Mining Minister John Smith met Ghana's Trade Minister Kwame Mensah in Nairobi on Monday to discuss a mining partnership.\n",
    );
    write_seed(
        &seeds,
        "b.md",
        "+++\ntitle = \"Ghana and Togo sign trade deal\"\ndate = 2025-03-05\n+++\n\nGhana and Togo signed a trade agreement in Accra. Ghana's Finance Minister John Smith and Togo's Trade Minister Edem Kokou signed the agreement.\n",
    );
    write_seed(
        &seeds,
        "c.md",
        "+++\ntitle = \"Kenya follow up\"\ndate = 2025-03-09\n+++\n\nKenyan Mining Minister Smith John said the talks with Ghana would continue.\n",
    );
    let out = root.join("site");
    let output = build_ok(&root, &seeds, &out);
    let err = stderr(&output);
    assert!(
        err.contains("the name “John Smith” is used for people of 2 countries; they get one page each: people/john-smith-ghana.html (Ghana), people/john-smith-kenya.html (Kenya)"),
        "{err}"
    );
    assert!(!out.join("people/john-smith.html").exists());
    // Word order is ignored: "Smith John" in c.md is Kenya's John Smith.
    let kenya = read_html(&out, "people/john-smith-kenya.html");
    let docs: Vec<String> = kenya
        .select(&sel("#person-documents ~ ul li a"))
        .map(text_of)
        .collect();
    assert_eq!(docs, ["Kenya follow up", "Kenya and Ghana talk mining"]);
    let ghana = read_html(&out, "people/john-smith-ghana.html");
    let role = ghana
        .select(&sel(".person-header .meta"))
        .next()
        .map(text_of)
        .unwrap();
    assert!(
        role.contains("Finance Minister") && role.contains("Ghana"),
        "{role}"
    );
    // The Ghana–Togo agreement's signatory is Ghana's John Smith, not Kenya's.
    let signed: Vec<String> = ghana
        .select(&sel(".agreement-card h3"))
        .map(text_of)
        .collect();
    assert_eq!(signed.len(), 1, "{signed:?}");
    assert!(kenya.select(&sel(".agreement-card")).next().is_none());
    let index: Vec<String> = read_html(&out, "people/index.html")
        .select(&sel("main li a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        index.contains(&"../people/john-smith-kenya.html".to_string()),
        "{index:?}"
    );
    assert!(
        index.contains(&"../people/john-smith-ghana.html".to_string()),
        "{index:?}"
    );
}

#[test]
fn people_are_search_results_of_their_own() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build_example(tmp.path());
    let js = std::fs::read_to_string(site.join("search-index.js")).unwrap();
    let json = js
        .strip_prefix("window.BRIEFING_SEARCH = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .unwrap();
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    let people = index["people"].as_array().unwrap();
    assert_eq!(people.len(), 5);
    assert!(
        people.contains(&serde_json::json!([
            "Alparslan Bayraktar",
            "people/alparslan-bayraktar.html",
            "Türkiye"
        ])),
        "{people:?}"
    );
}
