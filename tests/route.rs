//! Page addresses in the URL fragment.

use mlops_governance_workbench::route::Route;

#[test]
fn fragments_parse_to_pages_and_back() {
    assert_eq!(Route::parse(""), Route::Assessments);
    assert_eq!(Route::parse("#/"), Route::Assessments);
    assert_eq!(Route::parse("#/data"), Route::Data);
    assert_eq!(Route::parse("#/debt"), Route::Debt);
    assert_eq!(Route::parse("#/review"), Route::Review);
    assert_eq!(Route::Review.href(), "#/review");
    assert_eq!(Route::parse("#/cards"), Route::Cards);
    assert_eq!(Route::parse("#/workshop"), Route::Workshop);
    for route in [
        Route::History("Team A / ML, \"ops\"".to_owned()),
        Route::Compare(vec!["a,b".to_owned(), "c d".to_owned()]),
        Route::Shared("1".to_owned(), "AbC-_9".to_owned()),
        Route::CardChanges("v1/a b".to_owned(), "v2,c".to_owned()),
    ] {
        assert_eq!(Route::parse(&route.href()), route);
    }
    assert_eq!(
        Route::parse(&Route::Card("a b/c".to_owned()).href()),
        Route::Card("a b/c".to_owned())
    );
    assert_eq!(
        Route::parse("#/nowhere/else"),
        Route::NotFound("nowhere/else".into())
    );
    for id in ["abc123", "with space/and slash", "ünï", "%41"] {
        let route = Route::Assessment(id.to_owned());
        assert_eq!(Route::parse(&route.href()), route, "{id}");
    }
    assert_eq!(
        Route::Assessment("a b".into()).href(),
        "#/assessments/a%20b"
    );
}
