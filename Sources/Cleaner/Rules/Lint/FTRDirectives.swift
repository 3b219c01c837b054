/// ftr-site-config directives that `clean` reads without acting on them: they concern fetching
/// (login, HTTP headers, multi-page articles), the parser, or rewriting markup that `clean` turns
/// into text anyway. The rules linter counts them apart from unknown directives (typos such as
/// `titl`, or names no ftr reader knows), which it reports line by line.
/// From Full-Text RSS's site-pattern documentation and the directives ftr-site-config uses.
enum FTRDirectives {
    static let acceptedWithoutEffect: Set<String> = [
        // Fetching: multi-page articles, sign-in, request headers, conditional rules.
        "single_page_link", "single_page_link_in_feed", "next_page_link", "autodetect_next_page",
        "http_header", "if_page_contains", "requires_login", "not_logged_in_xpath",
        "login_uri", "login_username_field", "login_password_field", "login_extra_fields",
        // Parsing and fallback: clean always parses with libxml2 and has its own extraction.
        "tidy", "parser", "autodetect_on_failure", "skip_json_ld",
        // Markup rewriting and images: no effect on the text clean writes.
        "strip_attr", "dissolve", "wrap_in", "move_into", "insert_detected_image",
        "src_lazy_load_attr", "convert_double_br_tags", "strip_comments", "footnotes",
        // Sponsored-content detection by a page-level clue.
        "native_ad_clue",
    ]
}
