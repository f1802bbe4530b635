//! The binder's tests: sentences of an "Acme Q3 2024" call and the facts each gives.

use crate::facts::Kind;

/// The facts of one CFO sentence in an "Acme Q3 2024" call, compactly.
fn check(sentence: &str) -> String {
    let text = format!("Operator\nWelcome to the Acme Q3 2024 Earnings Conference Call.\nJane Doe - CFO\n{sentence}\n");
    let f = crate::analyze(&text);
    f.facts
        .iter()
        .filter(|x| x.kind != Kind::Derived)
        .map(|x| {
            let v = match (x.low, x.high) {
                (Some(l), Some(h)) => format!("{l}..{h}"),
                _ => x.value.map_or("-".into(), |v| v.to_string()),
            };
            format!("{}[{}] {} {:?}/{:?} {v} {}", x.metric, x.segment, x.period, x.kind, x.measure, x.unit)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Runs [`check`] over a table of sentences and what each must give; reports every row that differs.
fn check_table(cases: &[(&str, &str)]) {
    let bad: Vec<String> = cases
        .iter()
        .filter_map(|(s, want)| {
            let got = check(s);
            (got != *want).then(|| format!("{s:?}\n   got  {got:?}\n   want {want:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

/// The facts of a CFO turn of several sentences (an outlook paragraph).
fn check_turn(turn: &str) -> String {
    check(turn)
}

#[test]
fn outlook_paragraph() {
    // "Turning to our outlook" makes the figures that follow guidance, for the period it names.
    let got = check_turn("Turning to our outlook for the full year 2025. Revenue of $90 million to $95 million. Adjusted EPS of $1.10 to $1.20.");
    assert_eq!(got, "revenue[total] FY2025 Guidance/Level 90000000..95000000 USD; eps[total] FY2025 Guidance/Level 1.1..1.2 USD/share");
    // An outlook sentence about the call's own quarter sets no outlook period.
    let got = check_turn("Our guidance for the third quarter was met. We expect adjusted EPS to be in the range of $5.09 to $5.19.");
    assert_eq!(got, "eps[total] FY2024-Q4 Guidance/Level 5.09..5.19 USD/share");
    // A sentence in the past tense ends it.
    let got = check_turn("Now for the outlook. We expect fourth quarter revenue of $20 million. Gross margin was 41% in the third quarter.");
    assert_eq!(got, "revenue[total] FY2024-Q4 Guidance/Level 20000000 USD; gross_margin[total] FY2024-Q3 Actual/Level 41 %");
    // The period one guidance names carries to the guidance right after it.
    let got = check_turn("We expect net sales in fiscal year 2025 to be up 15% to 20%. This includes 7 points of price. Operating margin is forecast to range between 16% and 17%.");
    assert_eq!(got, "revenue[total] FY2025 Guidance/Yoy 15..20 %; operating_margin[total] FY2025 Guidance/Level 16..17 %");
    // A long sentence that expects something of a period opens no outlook for it.
    let got = check_turn("We expect the elevated inventory levels at the end of Q1 to come down through the quarter in Windows OEM. We expect operating expenses of $15.7 billion to $15.8 billion.");
    assert_eq!(got, "operating_expenses[total] FY2024-Q4 Guidance/Level 15700000000..15800000000 USD");
    // A quarter guided without its year, after talk of the call's year: a quarter already reported is next year's.
    let got = check_turn("2024 was one of the most challenging years. For the first quarter, we now expect revenue of $20 million.");
    assert_eq!(got, "revenue[total] FY2025-Q1 Guidance/Level 20000000 USD");
    let got = check_turn("2024 was one of the most challenging years. In the first quarter, we earned $0.40 per share.");
    assert_eq!(got, "eps[total] FY2024-Q1 Actual/Level 0.4 USD/share");
    // "doubled" reports and ends it; "would have doubled" does not.
    let got = check_turn("We expect revenue of $20 million for the year. Operating cash flow doubled in the quarter to $44.7 million.");
    assert_eq!(got, "revenue[total] FY2024 Guidance/Level 20000000 USD; operating_cash_flow[total] FY2024-Q3 Actual/Yoy 100 %; operating_cash_flow[total] FY2024-Q3 Actual/Level 44700000 USD");
    let got = check_turn("We are anticipating approximately $1 billion of originations in the second half, which would have nearly doubled the volume.");
    assert_eq!(got, "originations[total] FY2024-H2 Guidance/Level 1000000000 USD");
}

#[test]
fn segment_context() {
    // Each name is said twice, as a call says the parts it reports on.
    let cases = [
        // A turn of the talk before the first comma names the segment of the figures that follow.
        ("Moving to Aerospace, sales were $82 million, down 38% from last year. Operating profit of $11.1 million was down 65%. Aerospace backlog grew.",
         "revenue[aerospace] FY2024-Q3 Actual/Level 82000000 USD; revenue[aerospace] FY2024-Q3 Actual/Yoy -38 %; operating_income[aerospace] FY2024-Q3 Actual/Level 11100000 USD; operating_income[aerospace] FY2024-Q3 Actual/Yoy -65 %"),
        ("Beginning with Material Handling, net sales increased $63 million. Material Handling margins improved.",
         "revenue[material_handling] FY2024-Q3 Actual/Yoy 63000000 USD"),
        ("Now turning to our seating segment, sales were $3.2 billion. The seating segment grew.", "revenue[seating] FY2024-Q3 Actual/Level 3200000000 USD"),
        ("Starting with the Tools Group on Slide 7. Sales were $494.9 million. The Tools Group grew.", "revenue[tools_group] FY2024-Q3 Actual/Level 494900000 USD"),
        // A group is named as a segment is, without its noun where the call names it so too.
        ("Starting with the C&I Group on Slide 7. Sales were $364.4 million. C&I operating income was $56.2 million.",
         "revenue[c&i] FY2024-Q3 Actual/Level 364400000 USD; operating_income[c&i] FY2024-Q3 Actual/Level 56200000 USD"),
        ("In terms of operating profitability, the Title group reported pre-tax operating income of $43.3 million. The Title group grew.", "operating_income[title_group] FY2024-Q3 Actual/Level 43300000 USD"),
        ("Within the flavors and extracts group, the natural ingredients business had another strong quarter with local currency sales growth of 14.5%. Natural ingredients grew.", "revenue[natural_ingredients] FY2024-Q3 Actual/Yoy 14.5 %"),
        ("Total attendance for the quarter was 8.5 million guests, reflecting the loss of most of our prebooked group sales. The prebooked group is small.", "attendance[total] FY2024-Q3 Actual/Level 8500000 USD"),
        ("For the Closed Group Pension Block, policy reserves were increased by $25.1 million. The Closed Group Pension Block is run off.", "policy_reserves[closed_group_pension_block] FY2024-Q3 Actual/Yoy 25100000 USD"),
        // A name with a slash or "of" inside: "Asia/Rest of World".
        ("Local currency sales grew 6% in the Americas, 1% in Europe, and 5% in Asia/Rest of World. Americas, Europe and Asia/Rest of World are regions.",
         "revenue[americas] FY2024-Q3 Actual/Yoy 6 %; revenue[europe] FY2024-Q3 Actual/Yoy 1 %; revenue[asia_rest_of_world] FY2024-Q3 Actual/Yoy 5 %"),
        // The company's name with a part's after it names the part.
        ("Acme Cloud surpassed $168 billion in annual revenue, up 23%. Acme Cloud is our largest business.",
         "revenue[acme_cloud] FY2024 Actual/Level 168000000000 USD; revenue[acme_cloud] FY2024 Actual/Yoy 23 %"),
        ("Acme Group delivered revenue of $5 billion.", "revenue[total] FY2024-Q3 Actual/Level 5000000000 USD"),
        // The subject after an opening clause, a modal before its verb.
        ("In sum, we expect that Southern Timber will contribute 2025 adjusted EBITDA of $114 million to $120 million. Southern Timber is our largest segment.",
         "ebitda[southern_timber] FY2025 Guidance/Level 114000000..120000000 USD"),
        ("All up, Data Center surpassed $16 billion in revenue. Data Center grew.", "revenue[data_center] FY2024-Q3 Actual/Level 16000000000 USD"),
        // A segment named as a cause of the figure is not its subject.
        ("Third quarter adjusted EBITDA of $75 million was above the prior year quarter, partially offset by a lower contribution from our Southern Timber segment. Southern Timber grew.", "ebitda[total] FY2024-Q3 Actual/Level 75000000 USD"),
        // "Snap-on": a short word after a hyphen is part of the name; lower-case words up to the noun too.
        ("Sales in the Snap-on tools group of $494.9 million increased 20.2%. Gross margin of 42.9% in the quarter was up. The Snap-on tools group grew.",
         "revenue[snap_on_tools_group] FY2024-Q3 Actual/Level 494900000 USD; revenue[snap_on_tools_group] FY2024-Q3 Actual/Yoy 20.2 %; gross_margin[snap_on_tools_group] FY2024-Q3 Actual/Level 42.9 %"),
        ("Revenue from the Snap-on tools group was $494.9 million. The Snap-on tools group grew.", "revenue[snap_on_tools_group] FY2024-Q3 Actual/Level 494900000 USD"),
        // A subject of its own before a change verb: a name in capitals is a segment; one the binder cannot name is no figure of the metric before it.
        ("Laboratory sales grew 6%, Industrial increased 2%, with core industrial up 4%. Laboratory and Industrial are segments.", "revenue[laboratory] FY2024-Q3 Actual/Yoy 6 %; revenue[industrial] FY2024-Q3 Actual/Yoy 2 %"),
        ("Digital revenue rose 57%, with Aerie up 158% and North America up 20%. Aerie and North America and Digital grew.", "revenue[digital] FY2024-Q3 Actual/Yoy 57 %; revenue[aerie] FY2024-Q3 Actual/Yoy 158 %; revenue[north_america] FY2024-Q3 Actual/Yoy 20 %"),
        // A metric or a part of the report is no segment.
        ("Turning to Gross Margin, it was 41% in the quarter.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %"),
        ("Turning to the Balance Sheet, we ended the quarter with cash and cash equivalents of $2 billion. The Balance Sheet is strong.", "cash[total] FY2024-Q3 Actual/Level 2000000000 USD"),
        ("Moving to the rest of the P&L, EBIT for the quarter was $1 billion. The rest of the P&L is small.", "operating_income[total] FY2024-Q3 Actual/Level 1000000000 USD"),
        // A name said with "&" in one place and "and" in another is said twice.
        ("In Property Casualty, premiums were $156 million. Property & Casualty grew.", "premiums[property_casualty] FY2024-Q3 Actual/Level 156000000 USD"),
        // A basis between a name in capitals and its metric; a name's possessive.
        ("Material Handling adjusted operating income decreased to $15.2 million. Material Handling grew.", "operating_income[material_handling] FY2024-Q3 Actual/Level 15200000 USD"),
        ("Industrial's operating profit was $21.3 million. Industrial is our largest segment.", "operating_income[industrial] FY2024-Q3 Actual/Level 21300000 USD"),
        // A sentence about a segment ("in the seating segment") opens it, a slide's number being no figure.
        ("Slide 17 explains the variance in the seating segment.\nSales in the quarter were $3.2 billion.", "revenue[seating] FY2024-Q3 Actual/Level 3200000000 USD"),
        ("Slide 18 provides the details for our E-Systems segment.\nSales were $1.1 billion.", "revenue[e_systems] FY2024-Q3 Actual/Level 1100000000 USD"),
        // Products are no segment; nor is a name after "to" and a verb.
        ("Demand was strong for our mosquito control products.\nNet sales were $105 million. Mosquito control grew.", "revenue[total] FY2024-Q3 Actual/Level 105000000 USD"),
        ("We stay focused on our commitment to make Acme Industrial Group a better company.\nSales were $289 million. Acme Industrial Group is strong.", "revenue[total] FY2024-Q3 Actual/Level 289000000 USD"),
        // The company's own name is the total, never a part dropped beside it.
        ("Acme's revenue was $570 million. Revenue was $570 million.", "revenue[total] FY2024-Q3 Actual/Level 570000000 USD"),
        // A web page's line is a paragraph: the segment it was about ends with it,
        // unless the line only named the segment.
        ("The Enterprise Division grew.\nIn the Enterprise Division, gross margin increased to 81.7%.\nAdjusted EBITDA grew to $5.1 million.",
         "gross_margin[enterprise] FY2024-Q3 Actual/Level 81.7 %; ebitda[total] FY2024-Q3 Actual/Level 5100000 USD"),
        ("Now turning to our seating segment.\nSales were $3.2 billion. The seating segment grew.", "revenue[seating] FY2024-Q3 Actual/Level 3200000000 USD"),
        // The segment a sentence opens on beats "our": "our gross margin" is the segment's there.
        ("In the Enterprise Division, driven by sales, our gross margin percentage increased to 81.7%. The Enterprise Division grew.", "gross_margin[enterprise] FY2024-Q3 Actual/Level 81.7 %"),
        // A figure-less sentence whose subject is a segment opens it for the next; a year is no figure.
        ("As anticipated, our Boat segment results benefited the most when compared with the third quarter of 2023. Sales were up 80% and operating margins were 10.5% for the quarter.",
         "revenue[boat] FY2024-Q3 Actual/Yoy 80 %; operating_margin[boat] FY2024-Q3 Actual/Level 10.5 %"),
        // Not a segment said in passing, nor several segments.
        ("We delivered across both the coke and logistics segments. Adjusted EBITDA was $73.9 million. Coke and Logistics are segments.", "ebitda[total] FY2024-Q3 Actual/Level 73900000 USD"),
        // The same metric's segment said earlier in the sentence, with a figure of its own.
        ("Latin America net sales were up 11% with 8% organic sales growth. Latin America grew.", "revenue[latin_america] FY2024-Q3 Actual/Yoy 11 %; revenue[latin_america] FY2024-Q3 Actual/Yoy 8 %"),
        ("Product revenue grew 87%, and revenue was a record $184.2 million. Product grew.", "revenue[product] FY2024-Q3 Actual/Yoy 87 %; revenue[total] FY2024-Q3 Actual/Level 184200000 USD"),
        // A name in capitals joined by "and" to the words before the metric is one name.
        ("Windows OEM and Devices revenue increased 3% year-over-year. Windows OEM and Devices grew.", "revenue[windows_oem_and_devices] FY2024-Q3 Actual/Yoy 3 %"),
        ("Xbox content and services revenue increased 13%. Xbox content and services grew.", "revenue[xbox_content_and_services] FY2024-Q3 Actual/Yoy 13 %"),
        ("Search and news advertising revenue ex TAC increased 21%. Search and news advertising grew.", "revenue[search_and_news_advertising] FY2024-Q3 Actual/Yoy 21 %"),
        ("Licensing revenue was $12 million, and mortgage banking revenue was $5 million. Licensing and mortgage banking grew.",
         "revenue[licensing] FY2024-Q3 Actual/Level 12000000 USD; revenue[mortgage_banking] FY2024-Q3 Actual/Level 5000000 USD"),
        ("Growing revenue was $12 million. Growing is no segment.", "revenue[total] FY2024-Q3 Actual/Level 12000000 USD"),
        ("We're expecting adjusted earnings per share of $0.55 to $0.60 in the fourth quarter. We're expecting more.", "eps[total] FY2024-Q4 Guidance/Level 0.55..0.6 USD/share"),
        ("We are expecting revenue of $5 million in the fourth quarter. We are expecting more.", "revenue[total] FY2024-Q4 Guidance/Level 5000000 USD"),
        ("And in Gaming, revenue increased 10%. Gaming grew.", "revenue[gaming] FY2024-Q3 Actual/Yoy 10 %"),
        // A lead-in to a part of the segment in play does not replace it for "Segment gross margin".
        ("Next, the Devices segment. Revenue was $13.5 billion. And in Gaming, revenue increased 10%. Segment gross margin dollars increased 15%. Operating income increased 34%. Gaming and Devices grew.",
         "revenue[devices] FY2024-Q3 Actual/Level 13500000000 USD; revenue[gaming] FY2024-Q3 Actual/Yoy 10 %; gross_profit[devices] FY2024-Q3 Actual/Yoy 15 %; operating_income[devices] FY2024-Q3 Actual/Yoy 34 %"),
        ("Subscription & SaaS and license revenue was $1.7 billion. Subscription & SaaS and license grew.", "revenue[subscription_saas_and_license] FY2024-Q3 Actual/Level 1700000000 USD"),
        ("Subscription, SaaS, and license revenue grew 8%. Subscription, SaaS, and license grew.", "revenue[subscription_saas_and_license] FY2024-Q3 Actual/Yoy 8 %"),
        ("In Europe, license revenue grew 8%. Europe grew; license grew.", "revenue[license] FY2024-Q3 Actual/Yoy 8 %"),
        // A list in lower case is one name where the text says its parts are combined.
        ("In Q3, the combination of subscription, SaaS, and license revenue grew 8%. Subscription, SaaS, and license grew.", "revenue[subscription_saas_and_license] FY2024-Q3 Actual/Yoy 8 %"),
        ("We expect $1.3 billion from combined subscription and SaaS and license revenue in Q4, an increase of 7% year-over-year. Subscription and SaaS and license grew.", "revenue[subscription_saas_and_license] FY2024-Q4 Guidance/Yoy 7 %"),
        ("Combined subscription and SaaS and license revenue grew 16%. Subscription and SaaS and license grew.", "revenue[subscription_saas_and_license] FY2024-Q3 Actual/Yoy 16 %"),
        // A product's number is part of its name; a number a lower-case word follows is not.
        ("M365 Commercial Cloud revenue increased 18%. M365 Commercial Cloud grew.", "revenue[m365_commercial_cloud] FY2024-Q3 Actual/Yoy 18 %"),
        ("Dynamics 365 revenue increased 23%. Dynamics 365 grew.", "revenue[dynamics_365] FY2024-Q3 Actual/Yoy 23 %"),
        ("We delivered $9.2 billion in COVID 19 response revenue.", "revenue[total] FY2024-Q3 Actual/Level 9200000000 USD"),
        ("Q4 revenue is expected to be $5 billion.", "revenue[total] FY2024-Q4 Guidance/Level 5000000000 USD"),
        // How often, between a name in capitals and its metric; a word that opens a clause is no name.
        ("And Game Pass annual revenue was nearly $5 billion. Game Pass grew.", "revenue[game_pass] FY2024 Actual/Level 5000000000 USD"),
        ("Although quarterly sales were down 9.2%, that has improved.", "revenue[total] FY2024-Q3 Actual/Yoy -9.2 %"),
        ("Our Subscription and Support revenue was $5 billion. Subscription and Support grew.", "revenue[subscription_and_support] FY2024-Q3 Actual/Level 5000000000 USD"),
        ("The business recorded positive EBITDA for the quarter with adjusted EBITDA of $751 million. Positive is not a segment.", "ebitda[total] FY2024-Q3 Actual/Level 751000000 USD"),
        // A lead-in's part ends where a sentence opens on the company's figure: the call's period
        // before the metric, or a lead-in that names a metric; not after a turn to the segment.
        ("In Latin America, revenue was down 9%. Third-quarter gross margin was 50%. Latin America grew.",
         "revenue[latin_america] FY2024-Q3 Actual/Yoy -9 %; gross_margin[total] FY2024-Q3 Actual/Level 50 %"),
        ("In Latin America, revenue was down 9%. Our Q3 adjusted operating income was $20 million. Latin America grew.",
         "revenue[latin_america] FY2024-Q3 Actual/Yoy -9 %; operating_income[total] FY2024-Q3 Actual/Level 20000000 USD"),
        ("Moving to the accessories business. Sales were $73 million. In Latin America, revenue was down 9%. Third-quarter gross margin was 50%. Latin America and accessories grew.",
         "revenue[accessories] FY2024-Q3 Actual/Level 73000000 USD; revenue[latin_america] FY2024-Q3 Actual/Yoy -9 %; gross_margin[total] FY2024-Q3 Actual/Level 50 %"),
        ("In Latin America, revenue was down 9%. Gross margin was 50%. Latin America grew.",
         "revenue[latin_america] FY2024-Q3 Actual/Yoy -9 %; gross_margin[latin_america] FY2024-Q3 Actual/Level 50 %"),
        ("Turning to our segment performance, beginning with Industrial. Third quarter sales were $220 million. Industrial grew.", "revenue[industrial] FY2024-Q3 Actual/Level 220000000 USD"),
        ("Now turning to our seating segment, sales were $3.2 billion. For gross margin, we expect the full year rate to be up approximately 50 basis points. The seating segment grew.",
         "revenue[seating] FY2024-Q3 Actual/Level 3200000000 USD; gross_margin[total] FY2024 Guidance/Yoy 50 bp"),
    ];
    check_table(&cases);
}

/// Names listed before or after one metric, paired with its figures by "respectively".
#[test]
fn segment_lists() {
    let cases = [
        // Names listed before one metric, paired with the figures by "respectively".
        ("Americas and EMEA revenue grew 5% and 7%, respectively. Americas and EMEA grew.", "revenue[americas] FY2024-Q3 Actual/Yoy 5 %; revenue[emea] FY2024-Q3 Actual/Yoy 7 %"),
        ("Product, Service and Support revenues were $20 million, $8 million and $5 million, respectively. Product, Service and Support grew.",
         "revenue[product] FY2024-Q3 Actual/Level 20000000 USD; revenue[service] FY2024-Q3 Actual/Level 8000000 USD; revenue[support] FY2024-Q3 Actual/Level 5000000 USD"),
        // ... or listed after it.
        ("Local currency sales in Europe and Asia-Pacific were up 78% and 42% respectively. Europe and Asia-Pacific grew.",
         "revenue[europe] FY2024-Q3 Actual/Yoy 78 %; revenue[asia_pacific] FY2024-Q3 Actual/Yoy 42 %"),
        ("Fee revenue in the Americas, EMEA and APAC was up 4%, 22% and 9%, respectively. The Americas, EMEA and APAC grew.",
         "revenue[americas] FY2024-Q3 Actual/Yoy 4 %; revenue[emea] FY2024-Q3 Actual/Yoy 22 %; revenue[apac] FY2024-Q3 Actual/Yoy 9 %"),
        ("While revenues in EMEA and North America increased 22.8% and 8.1% respectively in the quarter, revenues in Asia Pacific declined 14.8%. EMEA, North America and Asia Pacific grew.",
         "revenue[emea] FY2024-Q3 Actual/Yoy 22.8 %; revenue[north_america] FY2024-Q3 Actual/Yoy 8.1 %; revenue[asia_pacific] FY2024-Q3 Actual/Yoy -14.8 %"),
        ("Revenue for CPP and HBP increased by 21% and 16%, respectively while DE decreased 26%. CPP, HBP and DE grew.",
         "revenue[cpp] FY2024-Q3 Actual/Yoy 21 %; revenue[hbp] FY2024-Q3 Actual/Yoy 16 %; revenue[de] FY2024-Q3 Actual/Yoy -26 %"),
        ("Revenue in Europe and Asia was $5 million. Europe and Asia grew.", "revenue[europe_and_asia] FY2024-Q3 Actual/Level 5000000 USD"),
    ];
    check_table(&cases);
}

#[test]
fn segment_lead_ins() {
    let cases = [
        // A lead-in in lower case names a segment where the call calls it one elsewhere, or says its noun.
        ("For financial services, operating income of $68.5 million increased 10.1%. Our financial services segment grew.",
         "operating_income[financial_services] FY2024-Q3 Actual/Level 68500000 USD; operating_income[financial_services] FY2024-Q3 Actual/Yoy 10.1 %"),
        ("For industrial services, revenue grew 5%. Industrial services demand was strong.", "revenue[total] FY2024-Q3 Actual/Yoy 5 %"),
        ("In local currency, revenue grew 5%. Our local currency business grew.", "revenue[total] FY2024-Q3 Actual/Yoy 5 %"),
        ("Sales in the improved development category totaled $6.7 million. Improved development grew.", "revenue[improved_development] FY2024-Q3 Actual/Level 6700000 USD"),
        ("Sales in our largest category grew 5%.", "revenue[total] FY2024-Q3 Actual/Yoy 5 %"),
        // A product's number in a lead-in is part of its name.
        ("In M365 Commercial Cloud, we expect revenue growth to be between 13% and 14%. M365 Commercial Cloud grew.", "revenue[m365_commercial_cloud] FY2024-Q4 Guidance/Yoy 13..14 %"),
        ("For Dynamics 365, revenue grew 20%. Dynamics 365 grew.", "revenue[dynamics_365] FY2024-Q3 Actual/Yoy 20 %"),
        ("In 2021, revenue grew 20%.", "revenue[total] FY2021 Actual/Yoy 20 %"),
        // A topic's noun is said right before the name it turns to.
        ("Let's start with fourth quarter results for Wealth Management. Revenues grew 23%. Wealth Management grew.", "revenue[wealth_management] FY2024-Q3 Actual/Yoy 23 %"),
        ("Today's results are strong evidence that our model can serve strong demand for the Acme Sport brand. Revenue was up 35%. Acme Sport grew.", "revenue[total] FY2024-Q3 Actual/Yoy 35 %"),
        ("Merchandise inventories were $5.3 billion at the end of the quarter. Merchandise sales grew.", "inventory[total] FY2024-Q3 Actual/Level 5300000000 USD"),
        // A part in lower case after its metric, where the call calls it one elsewhere.
        ("Revenue from financial services was $93.4 million. Our financial services segment grew.", "revenue[financial_services] FY2024-Q3 Actual/Level 93400000 USD"),
        ("Sales in the region were $5 million. Our region segment grew.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD"),
        ("We expect free cash flow in the range of $4.5 billion to $5 billion for the year. Our range segment grew.", "free_cash_flow[total] FY2024 Guidance/Level 4500000000..5000000000 USD"),
        ("Net sales in fresh and prepared were $50 million. Our fresh segment grew.", "revenue[total] FY2024-Q3 Actual/Level 50000000 USD"),
        ("Moving to the Intelligent Spaces Group. Sales in spaces increased 24%. Our spaces segment and the Intelligent Spaces Group grew.", "revenue[intelligent_spaces_group] FY2024-Q3 Actual/Yoy 24 %"),
        ("In our pineapple category, net sales were $50 million.", "revenue[pineapple] FY2024-Q3 Actual/Level 50000000 USD"),
        ("Lastly, in strategic communications, revenues of $69.9 million increased 15.5%. The strategic communications segment grew.",
         "revenue[strategic_communications] FY2024-Q3 Actual/Level 69900000 USD; revenue[strategic_communications] FY2024-Q3 Actual/Yoy 15.5 %"),
        ("Looking at our non-optical communications business, revenue of $104 million was up. Non-optical communications grew.", "revenue[non_optical_communications] FY2024-Q3 Actual/Level 104000000 USD"),
        ("At parks, experiences, and products, operating income was up $2.6 billion. Our parks segment grew.", "operating_income[total] FY2024-Q3 Actual/Yoy 2600000000 USD"),
        ("For pharmacy services, operating income was $7 billion. We grew in Pharmacy Services.", "operating_income[pharmacy_services] FY2024-Q3 Actual/Level 7000000000 USD"),
        ("In the Storage segment, revenue was $5 million. In compute, revenue grew 10%. Storage grew.",
         "revenue[storage] FY2024-Q3 Actual/Level 5000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
        ("In Livestock, we expect revenue to fall 20%. For the remainder of the P&L, SG&A expenses are expected to be $2.1 billion. Livestock grew.",
         "revenue[livestock] FY2024-Q4 Guidance/Yoy -20 %; sga_expense[total] FY2024-Q4 Guidance/Level 2100000000 USD"),
        // With no topic, "Segment ..." is the part the last sentence opening on a part's metric named.
        ("Now to our segment results. Revenue from Productivity and Business Processes was $33.1 billion. LinkedIn revenue increased 9%. Segment gross margin dollars increased 16%. Operating expenses increased 7%. Productivity and Business Processes and LinkedIn grew.",
         "revenue[productivity_and_business_processes] FY2024-Q3 Actual/Level 33100000000 USD; revenue[linkedin] FY2024-Q3 Actual/Yoy 9 %; gross_profit[productivity_and_business_processes] FY2024-Q3 Actual/Yoy 16 %; operating_expenses[productivity_and_business_processes] FY2024-Q3 Actual/Yoy 7 %"),
        // "International" names a part: a region's total is that part's, not the company's.
        ("Total international revenues increased $29 million or 118%. International grew.",
         "revenue[international] FY2024-Q3 Actual/Yoy 29000000 USD; revenue[international] FY2024-Q3 Actual/Yoy 118 %"),
        // Cash flows, cash and returns to shareholders are the company's, whatever part the talk is on.
        ("In the Aerospace segment, revenue was $5 million. Free cash flow was $3 million. Aerospace grew.",
         "revenue[aerospace] FY2024-Q3 Actual/Level 5000000 USD; free_cash_flow[total] FY2024-Q3 Actual/Level 3000000 USD"),
    ];
    check_table(&cases);
}

#[test]
fn answers_defer_to_the_prepared_remarks() {
    let facts = |answer: &str| {
        let text = format!(
            "Prepared Remarks:\n\nOperator\n\nWelcome to the Acme Q3 2024 earnings call.\n\nJohn Roe -- Chief Financial Officer\n\nRevenue was $4.2 billion.\n\n\
             Questions & Answers:\n\nOperator\n\nFirst question.\n\nAnn Lee -- Bank -- Analyst\n\nWhy?\n\nJohn Roe -- Chief Financial Officer\n\n{answer}\n"
        );
        let f = crate::analyze(&text);
        f.facts.iter().filter(|x| x.kind != Kind::Derived).map(|x| format!("{}:{}:{}", x.metric, x.value.unwrap_or(0.0), x.conflict)).collect::<Vec<_>>().join(" ")
    };
    // An answer's figure that disagrees with the remarks' is about something else: left out.
    assert_eq!(facts("We are the only one to have eclipsed $5 billion in revenue."), "revenue:4200000000:false");
    // One that agrees is the same figure; one of another metric stands.
    assert_eq!(facts("Revenue was $4.2 billion, and gross margin was 41%."), "revenue:4200000000:false gross_margin:41:false");
}

#[test]
fn segment_span() {
    // A sentence a line, no speakers: no paragraph ends the segment in play, so it lasts
    // while the call keeps naming it, and a few sentences after.
    let facts = |lines: &[&str]| {
        let text = format!("Welcome to the Acme Q3 2024 earnings call.\n{}\nThe seating segment is our largest.\n", lines.join("\n"));
        crate::analyze(&text).facts.iter().filter(|x| x.kind != Kind::Derived).map(|x| x.segment.clone()).collect::<Vec<_>>().join(" ")
    };
    let near = ["Slide 9 explains the variance in the seating segment.", "Demand was strong.", "Net sales were $5 billion."];
    assert_eq!(facts(&near), "seating");
    let far = ["Slide 9 explains the variance in the seating segment.", "Demand was strong.", "Supply was tight.", "Prices rose.", "Costs rose.", "We hired.", "We built.", "Net sales were $5 billion."];
    assert_eq!(facts(&far), "total");
    let named = ["Slide 9 explains the variance in the seating segment.", "Demand was strong.", "Supply was tight.", "Prices rose.", "Seating costs rose.", "We hired.", "We built.", "Net sales were $5 billion."];
    assert_eq!(facts(&named), "seating");
    // A turn of the talk to the company's figures ends it.
    let turned = ["Slide 9 explains the variance in the seating segment.", "Let's start on page 5 with our financial highlights.", "Net sales were $5 billion."];
    assert_eq!(facts(&turned), "total");
}

#[test]
fn prepared_turn_under_an_analysts_name() {
    // A page that labels the CFO's prepared remarks with an analyst's name (the participants
    // list says who asks questions): before the Q&A, the turn's figures are the company's.
    let text = "Prepared Remarks:\n\nOperator\n\nWelcome to the Acme Third Quarter 2024 Earnings Call.\n\n\
                Jane Analyst\n\nWe reported third quarter revenue of $88.6 million.\n\n\
                Questions and Answers:\n\nOperator\n\nOur first question comes from Jane Analyst.\n\n\
                Jane Analyst\n\nYou said revenue of $90 million was possible?\n\nJohn Boss\n\nYes.\n\n\
                Call participants:\n\nJohn Boss--Chief Executive Officer\nJane Analyst--Big Bank -- Analyst\n";
    let f = crate::analyze(text);
    let got: Vec<String> = f.facts.iter().filter(|x| x.kind != Kind::Derived).map(|x| format!("{} {:?}", x.period, x.value)).collect();
    assert_eq!(got, ["FY2024-Q3 Some(88600000.0)"]);
}

#[test]
fn period_context() {
    // A year before the call's, said in passing, does not date the figures that follow.
    let got = check_turn("Our comparisons are affected by the shutdowns we experienced in 2023. Third-quarter operating income was $107 million. Net income was $78 million.");
    assert_eq!(got, "operating_income[total] FY2024-Q3 Actual/Level 107000000 USD; net_income[total] FY2024-Q3 Actual/Level 78000000 USD");
    // The period after a comparison base ("versus $2.16 in fiscal 2023") is the base's, not the sentence's.
    let got = check_turn("For the year, EPS increased to $2.62 per diluted share versus $2.16 in fiscal 2023.");
    assert_eq!(got, "eps[total] FY2024 Actual/Level 2.62 USD/share; eps[total] FY2023 Actual/Level 2.16 USD/share");
    // Nor does a period after the call: what is to come is an outlook's, not the reporting context.
    let got = check_turn("Inventories are unlikely to recover until some time in 2025. Gross margin was 41%.");
    assert_eq!(got, "gross_margin[total] FY2024-Q3 Actual/Level 41 %");
    // "Our full-year forecast" in a Q4 call, after talk of the year just ended, is next year's.
    let text = "Operator\nWelcome to the Acme Q4 2024 Earnings Conference Call.\nJane Doe - CFO\n\
                In 2024 we grew. For the segment, our full-year forecast is between 20% and 21% operating margin.\n";
    let f = crate::analyze(text);
    let periods: Vec<String> = f.facts.iter().map(|x| format!("{} {:?}", x.period, x.kind)).collect();
    assert_eq!(periods, ["FY2025 Guidance"]);
    // A period named in passing carries to the next few sentences only.
    let near = check_turn("For the full year, revenue was $90 million. Gross margin was 41%.");
    assert_eq!(near, "revenue[total] FY2024 Actual/Level 90000000 USD; gross_margin[total] FY2024 Actual/Level 41 %");
    // "highlights from our full year 2024": a report's origin, not a comparison base, dates what follows.
    let got = check_turn("I will begin with some highlights from our full year 2024 performance. Revenues of $2.78 billion increased $314.9 million from $2.46 billion in 2023.");
    assert_eq!(got, "revenue[total] FY2024 Actual/Level 2780000000 USD; revenue[total] FY2024 Actual/Yoy 314900000 USD; revenue[total] FY2023 Actual/Level 2460000000 USD");
    // A period recalled with an earlier figure ("following a 17.3% increase in Q3 of 2023") dates that figure only.
    let got = check_turn("Net sales increased 3.9% to $8.5 billion following a 17.3% increase in Q3 of 2023.");
    assert_eq!(got, "revenue[total] FY2024-Q3 Actual/Yoy 3.9 %; revenue[total] FY2024-Q3 Actual/Level 8500000000 USD; revenue[total] FY2023-Q3 Actual/Yoy 17.3 %");
    let got = check_turn("Net sales decreased 0.4% to $8.7 billion, followed by a 24.4% increase in Q3 of 2023.");
    assert_eq!(got, "revenue[total] FY2024-Q3 Actual/Yoy -0.4 %; revenue[total] FY2024-Q3 Actual/Level 8700000000 USD; revenue[total] FY2023-Q3 Actual/Yoy 24.4 %");
    let far = check_turn("This reflects a gain in the second quarter. Demand was strong. Supply was tight. Prices held. Costs rose. Gross margin was 41%.");
    assert_eq!(far, "gross_margin[total] FY2024-Q3 Actual/Level 41 %");
}

/// Levels and changes: the change words, the measure a change is of, what a percent beside a money metric is.
#[test]
fn levels_and_changes_table() {
    let cases = [
        // A percent right before a metric's "growth" is its change, dated by a period after it.
        ("We delivered revenue growth of 37% in the third quarter, leading to 22% revenue growth for the full year.", "revenue[total] FY2024-Q3 Actual/Yoy 37 %; revenue[total] FY2024 Actual/Yoy 22 %"),
        ("We delivered 20.5% core revenue growth and nearly 40% adjusted earnings-per-share growth.", "revenue[total] FY2024-Q3 Actual/Yoy 20.5 %; eps[total] FY2024-Q3 Actual/Yoy 40 %"),
        ("As a result, we delivered adjusted earnings-per-share growth of 18% to $1.58.", "eps[total] FY2024-Q3 Actual/Yoy 18 %; eps[total] FY2024-Q3 Actual/Level 1.58 USD/share"),
        // Bare "organic growth" after a figure is the growth of the metric before it.
        ("We had 15% operational revenue growth and 19% operational growth in adjusted net income in 2024.", "revenue[total] FY2024 Actual/Yoy 15 %; net_income[total] FY2024 Actual/Yoy 19 %"),
        ("Of the 9% operational revenue growth, 1% is from price and 8% from volume.", "revenue[total] FY2024-Q3 Actual/Yoy 9 %"),
        ("Our adjusted diluted EPS of $1.58 represents plus 8.5% organic growth.", "eps[total] FY2024-Q3 Actual/Level 1.58 USD/share; eps[total] FY2024-Q3 Actual/Yoy 8.5 %"),
        // A comparison base's metric is its change's, not one named after "and" in the next clause.
        ("Adjusted EPS of $6.76 increased $0.77 from $5.99 in 2023 and adjusted EBITDA of $354 million was up 7%.", "eps[total] FY2024-Q3 Actual/Level 6.76 USD/share; eps[total] FY2024-Q3 Actual/Yoy 0.77 USD/share; eps[total] FY2023-Q3 Actual/Level 5.99 USD/share; ebitda[total] FY2024-Q3 Actual/Level 354000000 USD; ebitda[total] FY2024-Q3 Actual/Yoy 7 %"),
        ("Revenue was $12.5 million, up 10% year-over-year.", "revenue[total] FY2024-Q3 Actual/Level 12500000 USD; revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
        // A change verb before its metric, past the metric's qualifiers and its quarter.
        ("On our top line versus the year-ago period, we grew third quarter sales 11%.", "revenue[total] FY2024-Q3 Actual/Yoy 11 %"),
        ("We grew organic sales 5.1% in the quarter.", "revenue[total] FY2024-Q3 Actual/Yoy 5.1 %"),
        // "an increase in <metric> of $X" is a change; a balance's change during the quarter is against the quarter before.
        ("We saw an increase in revenue of $34 million.", "revenue[total] FY2024-Q3 Actual/Yoy 34000000 USD"),
        ("Cash generation drove an increase in cash and current investments of $34 million during the quarter to $161 million.",
         "cash[total] FY2024-Q3 Actual/Qoq 34000000 USD; cash[total] FY2024-Q3 Actual/Level 161000000 USD"),
        // A change over two years is no change against the year before.
        ("Comp sales declined 1.4% compared to the prior year period, which translates into a robust 11.3% increase on a two-year stack basis.", "same_store_sales[total] FY2024-Q3 Actual/Yoy -1.4 %"),
        ("On a 2-year basis, revenue grew 14%, and gross margin was 41%.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %"),
        ("Revenue grew 5%, and on a two-year stack basis, it grew 20%.", "revenue[total] FY2024-Q3 Actual/Yoy 5 %"),
        // A guided change whose ends go opposite ways is one range with its signs.
        ("For the year, we expect sales between a 4% decline and a 1% increase from the prior year.", "revenue[total] FY2024 Guidance/Yoy -4..1 %"),
        ("For the year, we expect net sales in the range of a 2% decline to flat.", "revenue[total] FY2024 Guidance/Yoy -2..0 %"),
        // The nearest comparison says the change's: "from the prior year", not "sequentially" further on.
        ("We expect fourth quarter sales to end between a 4% decline and a 1% increase from the prior year and that means sales should be up sequentially.", "revenue[total] FY2024-Q4 Guidance/Yoy -4..1 %"),
        ("For the year, we expect revenue growth of -4% to 1%.", "revenue[total] FY2024 Guidance/Yoy -4..1 %"),
        // A change word right before the next figure is that figure's, comma or not.
        ("Earnings per share for the quarter were $0.97 down 10% year-over-year.", "eps[total] FY2024-Q3 Actual/Level 0.97 USD/share; eps[total] FY2024-Q3 Actual/Yoy -10 %"),
        ("Net interest margin was 3.1%, up 12 basis points sequentially.", "net_interest_margin[total] FY2024-Q3 Actual/Level 3.1 %; net_interest_margin[total] FY2024-Q3 Actual/Qoq 12 bp"),
        ("The combined ratio was 94.2%.", "combined_ratio[total] FY2024-Q3 Actual/Level 94.2 %"),
        // A money metric's percent "increased to" is its change; "10% ahead of last year" is a change.
        ("In the third quarter, sales increased to 11%, our fifth consecutive quarter of growth.", "revenue[total] FY2024-Q3 Actual/Yoy 11 %"),
        ("Gross margin increased to 41%.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %"),
        // "to 17% from 15%" of a money metric is a ratio's move, neither figure its change.
        ("Other operating expenses increased to 17% from 15% last year.", ""),
        ("Total revenue of $1.4 billion was 10% ahead of last year.", "revenue[total] FY2024-Q3 Actual/Level 1400000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
        // Not a change that is no effect: "a 100 basis point improvement in gross margin".
        ("Gross margin was 41%, a 100 basis point improvement over last year.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %; gross_margin[total] FY2024-Q3 Actual/Yoy 100 bp"),
        ("We are investing over $500 million in R&D.", "rd_expense[total] FY2024-Q3 Actual/Level 500000000 USD"),
        // A change and the level it reached are two facts, not a range (also after the change in percent).
        ("Revenue increased $62 million to $1.4 billion.", "revenue[total] FY2024-Q3 Actual/Yoy 62000000 USD; revenue[total] FY2024-Q3 Actual/Level 1400000000 USD"),
        ("Sales increased 16% or $11.3 million to $83.1 million.", "revenue[total] FY2024-Q3 Actual/Yoy 16 %; revenue[total] FY2024-Q3 Actual/Yoy 11300000 USD; revenue[total] FY2024-Q3 Actual/Level 83100000 USD"),
        // A transcriber's note after a figure is no word of the speaker's.
        ("Adjusted EBITDA was negative $62 [Phonetic] million.", "ebitda[total] FY2024-Q3 Actual/Level -62000000 USD"),
        // Organic growth is a revenue change.
        ("Organic growth for the quarter was 11.5%.", "revenue[total] FY2024-Q3 Actual/Yoy 11.5 %"),
        ("We expect continued organic growth in 2025 as we deliver on our $63 billion backlog.", "backlog[total] FY2025 Guidance/Level 63000000000 USD"),
        ("Net loss was $(3.4) million.", "net_income[total] FY2024-Q3 Actual/Level -3400000 USD"),
        ("Cash used in operations was $2.1 million.", "operating_cash_flow[total] FY2024-Q3 Actual/Level -2100000 USD"),
        ("Revenue was INR 82,000 crores.", "revenue[total] FY2024-Q3 Actual/Level 820000000000 INR"),
        ("We expect fourth quarter revenue of $20 million to $22 million.", "revenue[total] FY2024-Q4 Guidance/Level 20000000..22000000 USD"),
        ("For the full year, we now expect revenue of $80 million.", "revenue[total] FY2024 Guidance/Level 80000000 USD"),
        ("Gross margin was 41%, down 150 basis points from the prior quarter.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %; gross_margin[total] FY2024-Q3 Actual/Qoq -150 bp"),
        ("Operating expenses were $9 million, compared to $8 million a year ago.", "operating_expenses[total] FY2024-Q3 Actual/Level 9000000 USD; operating_expenses[total] FY2023-Q3 Actual/Level 8000000 USD"),
        ("Industry sales grew 15%.", ""),
        ("Our sales force grew to 500 people.", ""),
        // A change word after a money metric, in the figure's clause: the percent is a change.
        ("Revenue growth is expected to be 12.5% to 13%.", "revenue[total] FY2024-Q4 Guidance/Yoy 12.5..13 %"),
        ("We now expect organic revenue growth in a range of 13% to 15%.", "revenue[total] FY2024-Q4 Guidance/Yoy 13..15 %"),
        ("Our total revenue growth in the quarter was 2.6%.", "revenue[total] FY2024-Q3 Actual/Yoy 2.6 %"),
        ("Revenue declined in the quarter to $5 million, or 45% of the total.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD"),
    ];
    check_table(&cases);
}

/// The basis said right after a figure ("on a non-GAAP basis") is that figure's; a midpoint said of a range is its value.
#[test]
fn basis_after_and_midpoint() {
    let text = "Operator\nWelcome to the Acme Q3 2024 Earnings Conference Call.\nJane Doe - CFO\nTotal gross margin in the third quarter was 89.9% on a GAAP basis and 90.5% on a non-GAAP basis. \
                We expect full year EPS in the range of $0.33 to $0.41 or a midpoint of $0.37.\n";
    let f = crate::analyze(text);
    let got: Vec<String> = f.facts.iter().map(|x| format!("{} {:?} {:?} {:?}", x.metric, x.value, x.low, x.basis)).collect();
    assert_eq!(got, ["gross_margin Some(89.9) None Some(Gaap)", "gross_margin Some(90.5) None Some(NonGaap)", "eps Some(0.37) Some(0.33) None"]);
}

/// Guidance: the words that guide, revisions of the outlook (the new range stands, the one replaced is no figure), ranges, past tense in the figure's own clause.
#[test]
fn guidance_table() {
    let cases = [
        // A percent guided for revenue is its growth; not a share, an effect or a margin after it.
        ("We are narrowing 2024 guidance for revenue to a new range of 13% to 15%.", "revenue[total] FY2024 Guidance/Yoy 13..15 %"),
        ("We are narrowing 2024 guidance for revenue from 12% to 16% to new range of 13% to 15%.", "revenue[total] FY2024 Guidance/Yoy 13..15 %"),
        ("We are maintaining our 2024 guidance: net sales of 10% to 13%.", "revenue[total] FY2024 Guidance/Yoy 10..13 %"),
        ("We continue to expect online sales for the full year to be 15% as a percentage of total sales.", ""),
        ("We expect foreign exchange to decrease our reported revenue by approximately 1% for the full year.", ""),
        ("We expect to generate approximately $11.5 billion in sales in 2024 at an approximately 23.2% adjusted EBITDA margin.", "revenue[total] FY2024 Guidance/Level 11500000000 USD"),
        // "growth" after the metric: the percent before it or a few words after it.
        ("Our guidance calls for 12% to 15% recurring revenue growth, further margin expansion and 11% to 15% adjusted EPS growth.", "revenue[total] FY2024-Q4 Guidance/Yoy 12..15 %; eps[total] FY2024-Q4 Guidance/Yoy 11..15 %"),
        ("We are increasing the segment operating income growth guidance to 95% to 105% for 2024.", "operating_income[total] FY2024 Guidance/Yoy 95..105 %"),
        ("We are also raising our full-year organic revenue growth from 6% to 8%, up to 9% to 10%.", "revenue[total] FY2024 Guidance/Yoy 9..10 %"),
        ("We are expecting to drive net sales growth of, approximately, 16% in 2024.", "revenue[total] FY2024 Guidance/Yoy 16 %"),
        // "on a reported basis" names a basis; it reports nothing.
        ("For full year 2024, we expect global sales growth of 7% to 8% on a reported basis.", "revenue[total] FY2024 Guidance/Yoy 7..8 %"),
        ("The business contributed roughly 50% to the sales growth in 2024.", ""),
        // "is estimated to be" guides; "our expectation for the full year" guides.
        ("Adjusted earnings per diluted share are currently estimated to be in the range of $0.25 to $0.40 for the full year.", "eps[total] FY2024 Guidance/Level 0.25..0.4 USD/share"),
        ("For the full year, we expect revenue to range from $775 million to $790 million versus 2023 revenue of $476 million and 2022 revenue of $426 million.", "revenue[total] FY2024 Guidance/Level 775000000..790000000 USD; revenue[total] FY2023 Actual/Level 476000000 USD; revenue[total] FY2022 Actual/Level 426000000 USD"),
        ("Full-year adjusted earnings per diluted share is estimated to be in the range of $19 to $19.20.", "eps[total] FY2024 Guidance/Level 19..19.2 USD/share"),
        ("Our expectation for the full year is for revenue to range between $4.2 billion and $4.25 billion.", "revenue[total] FY2024 Guidance/Level 4200000000..4250000000 USD"),
        // A revision from one range to another: the new range only.
        ("We are raising our 2024 operating earnings guidance from $2.40 to $2.60 per share to $2.55 to $2.65 per share.", "eps[total] FY2024 Guidance/Level 2.55..2.65 USD/share"),
        // "from A to B" in a clause that guides, with no move in it, is a range; so are ends whose midpoint is said (the range's value).
        ("We are forecasting fourth quarter adjusted EBITDA in a range of $44 million to $49 million and adjusted earnings per share from $0.60 to $0.70.", "ebitda[total] FY2024-Q4 Guidance/Level 44000000..49000000 USD; eps[total] FY2024-Q4 Guidance/Level 0.6..0.7 USD/share"),
        ("We estimate that Q4 diluted earnings per share could range from $0.71 to $0.86 on a GAAP basis and from $0.98 to $1.13 on a non-GAAP basis.", "eps[total] FY2024-Q4 Guidance/Level 0.71..0.86 USD/share; eps[total] FY2024-Q4 Guidance/Level 0.98..1.13 USD/share"),
        ("Our 2024 earnings per share guidance range has increased from $12.96 to $13.26, that's $13.11 at the midpoint.", "eps[total] FY2024 Guidance/Level 12.96..13.26 USD/share"),
        ("Core FFO for the full year is projected to be $6.30 to $6.60 per share, which is $6.45 at the midpoint.", "ffo_per_share[total] FY2024 Guidance/Level 6.3..6.6 USD/share"),
        ("We expect 2025 gross margin to improve from 40% to 42%.", "gross_margin[total] FY2024 Actual/Level 40 %; gross_margin[total] FY2025 Guidance/Level 42 %"),
        // A range said after the one replacing it is no figure; one that stands "unchanged from" it is.
        ("We expect 2024 adjusted EPS to be in the range of $2.40 to $2.43, up from the prior $2.36 to $2.39 range.", "eps[total] FY2024 Guidance/Level 2.4..2.43 USD/share"),
        ("Our guidance range for adjusted EPS in 2024 is now $2.97 to $3.02 compared to $2.91 to $2.96 previously.", "eps[total] FY2024 Guidance/Level 2.97..3.02 USD/share"),
        ("For 2024, we now anticipate revenue of $778 million to $783 million, revised from $783 million to $793 million.", "revenue[total] FY2024 Guidance/Level 778000000..783000000 USD"),
        ("We now expect 2024 diluted earnings to be in the range of $3.75 per share to $3.95 per share, an increase from our original guidance range of $3.65 per share to $3.85 per share.", "eps[total] FY2024 Guidance/Level 3.75..3.95 USD/share"),
        ("Our 2024 earnings guidance remains unchanged from our original range of $3 to $3.30 per share.", "eps[total] FY2024 Guidance/Level 3..3.3 USD/share"),
        ("We increased our 2024 core FFO per share guidance from a range of $2.70 to $2.75 per share to a new range of $2.75 to $2.80 per share.", "ffo_per_share[total] FY2024 Guidance/Level 2.75..2.8 USD/share"),
        // Ranges: "range from A to B" is no comparison; the scale said once at the second end.
        ("We expect revenue to range from $555 million to $595 million.", "revenue[total] FY2024-Q4 Guidance/Level 555000000..595000000 USD"),
        ("We expect fourth quarter revenue in a range of $155 to $165 million.", "revenue[total] FY2024-Q4 Guidance/Level 155000000..165000000 USD"),
        // A revision of the outlook guides, though its verb is past; "affirming" guides.
        ("We raised our full year core FFO range to be $5.95 to $6.10 per share.", "ffo_per_share[total] FY2024 Guidance/Level 5.95..6.1 USD/share"),
        ("We are affirming our full year adjusted EPS range at $20.50 to $21.50.", "eps[total] FY2024 Guidance/Level 20.5..21.5 USD/share"),
        ("We raised our dividend by 10% to $0.50 per share.", "dividend[total] FY2024-Q3 Actual/Level 0.5 USD/share"),
        // A dividend declared is reported though paid after the call: for the quarter it names, else the
        // call's; one the company expects to declare is guided.
        ("Yesterday, the Board of Directors declared a fourth quarter 2024 dividend of $0.25 per share, which is payable on March 17th.", "dividend[total] FY2024-Q4 Actual/Level 0.25 USD/share"),
        ("The Board has approved a first quarter 2025 dividend of $0.12 per share as we return cash to shareholders.", "dividend[total] FY2025-Q1 Actual/Level 0.12 USD/share"),
        ("So for the fourth quarter of 2024, we're declaring a dividend of $0.27 per share.", "dividend[total] FY2024-Q4 Actual/Level 0.27 USD/share"),
        ("Looking to 2025, we are also raising our dividend to $0.34 a share.", "dividend[total] FY2024-Q3 Actual/Level 0.34 USD/share"),
        ("In the fourth quarter, we expect to increase our dividend by around 20% to $0.52.", "dividend[total] FY2024-Q4 Guidance/Yoy 20 %; dividend[total] FY2024-Q4 Guidance/Level 0.52 USD"),
        ("Looking forward, we anticipate increasing our dividend by more than 5% annually through 2025.", "dividend[total] FY2025 Guidance/Yoy 5 %"),
        ("In 2025, we expect to make up for the reduced level of dividends by paying a $0.60 special dividend.", "dividend[total] FY2025 Guidance/Level 0.6 USD"),
        // A revision: the new outlook stands, the one it replaces is no figure; a change against a forecast is none either.
        ("We now expect revenues of $2.13 billion to $2.18 billion compared to prior guidance of $1.99 billion to $2.05 billion.", "revenue[total] FY2024-Q4 Guidance/Level 2130000000..2180000000 USD"),
        ("We now expect organic revenue growth in the range of 5% to 7%, up from our previous guidance of 3% to 5%.", "revenue[total] FY2024-Q4 Guidance/Yoy 5..7 %"),
        ("Revenue was up 5% compared to our previous forecast.", ""),
        // "as-reported" is a basis, not a report; "estimate" guides; "A through B" is a range.
        ("For the full year, the guidance range for earnings per share on an as-reported basis is now $9.93 to $10.53.", "eps[total] FY2024 Guidance/Level 9.93..10.53 USD/share"),
        ("We currently estimate fourth quarter adjusted earnings of between $1.50 and $1.55 per share.", "eps[total] FY2024-Q4 Guidance/Level 1.5..1.55 USD/share"),
        ("We are narrowing our 2024 guidance range to $5.90 through $6.10 per share.", "eps[total] FY2024 Guidance/Level 5.9..6.1 USD/share"),
        ("Full-year revenue is expected to remain unchanged from our previous forecast of $9.9 billion.", "revenue[total] FY2024 Guidance/Level 9900000000 USD"),
        ("For the full year, we now expect revenue to increase 200 million compared to the previous forecast to $9.9 billion.", "revenue[total] FY2024 Guidance/Level 9900000000 USD"),
        // "guidance" and "raising" guide; "annual" is the year.
        ("We are raising our annual adjusted EPS guidance to $7.30 a share to $7.40 a share.", "eps[total] FY2024 Guidance/Level 7.3..7.4 USD/share"),
        ("We now see full-year DEPS in the range of $15 and $15.20 per share.", "eps[total] FY2024 Guidance/Level 15..15.2 USD/share"),
        // Past tense counts in the figure's own clause; "reported and adjusted" is a basis, "we reported" a verb.
        ("We now expect a full year revenue decline of 3.5% to 4.5% and reported and adjusted full year EPS of $1.05 to $1.10 and $1.40 to $1.45, respectively.", "revenue[total] FY2024 Guidance/Yoy -4.5..-3.5 %; eps[total] FY2024 Guidance/Level 1.05..1.1 USD/share; eps[total] FY2024 Guidance/Level 1.4..1.45 USD/share"),
        ("Last night, we reported adjusted quarterly funds from operations of $1.37 per share for the third quarter.", "ffo_per_share[total] FY2024-Q3 Actual/Level 1.37 USD/share"),
        ("For Q4, we're expecting revenue to range from $1.42 billion to $1.43 billion, representing reported growth of 4.5% to 5.5%.", "revenue[total] FY2024-Q4 Guidance/Level 1420000000..1430000000 USD; revenue[total] FY2024-Q4 Guidance/Yoy 4.5..5.5 %"),
        ("For the third quarter, Sun reported core FFO per share of $2.11.", "ffo_per_share[total] FY2024-Q3 Actual/Level 2.11 USD/share"),
        // A guidance verb before the figure guides it, whatever past tense follows.
        ("Finally, we expect adjusted diluted EPS to be in the range of $5.09 to $5.19 and reported diluted EPS to be in the range of $4.75 to $4.87.", "eps[total] FY2024-Q4 Guidance/Level 5.09..5.19 USD/share; eps[total] FY2024-Q4 Guidance/Level 4.75..4.87 USD/share"),
        ("We expect full-year 2024 earnings per share of $8.80 to $9.07, an increase of 9% over the $8.19 we delivered in 2023.", "eps[total] FY2024 Guidance/Level 8.8..9.07 USD/share; eps[total] FY2024 Guidance/Yoy 9 %; eps[total] FY2023 Actual/Level 8.19 USD/share"),
    ];
    check_table(&cases);
}

/// The figure's period: its own mention, the comparison said beside it, the quarter or half ahead, year-to-date.
#[test]
fn period_table() {
    let cases = [
        // A balance for a year is the one at its close; for the year under way, the call's quarter.
        ("Cash and equivalents were $1.2 billion at the end of 2023.", "cash[total] FY2023-Q4 Actual/Level 1200000000 USD"),
        ("For the full year 2024, inventory was $310 million.", "inventory[total] FY2024-Q3 Actual/Level 310000000 USD"),
        // "the year ended December 31, 2023" is a date, not a report; a change guided against a year is the next year's.
        ("Net sales are estimated to increase in the range of 1.5% to 4% compared to the full year ended December 31, 2023.", "revenue[total] FY2024 Guidance/Yoy 1.5..4 %"),
        // "closer to 2023" is a comparison, not the figure's period.
        ("We expect fourth quarter total sales to continue to accelerate closer to 2023 and reach $495 million to $510 million.", "revenue[total] FY2024-Q4 Guidance/Level 495000000..510000000 USD"),
        // "to last year" is the comparison, not the figure's period.
        ("For fiscal 2024, we now expect revenues to increase approximately 25% to 30% to last year.", "revenue[total] FY2024 Guidance/Yoy 25..30 %"),
        // A half already over when guided is next year's; one still to come is this year's.
        ("We expect first half revenue to be up 12% to 14%.", "revenue[total] FY2025-H1 Guidance/Yoy 12..14 %"),
        ("We expect second half revenue to be up 9% to 11%.", "revenue[total] FY2024-H2 Guidance/Yoy 9..11 %"),
        // "the quarter" in a guidance after talk of the quarter ahead is that quarter.
        ("Now let me share some thoughts on our fourth quarter outlook. We anticipate revenues will be down roughly 4% to 6% in the quarter.", "revenue[total] FY2024-Q4 Guidance/Yoy -6..-4 %"),
        ("Turning to fiscal 2025. We expect revenues to be up 4% to 6%.", "revenue[total] FY2025 Guidance/Yoy 4..6 %"),
        ("Turning to the fourth quarter. Revenue was $5 million in the quarter.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD"),
        // The quarter reported is not the one guided: a period ahead in the sentence, else the year.
        ("Based on our results through the third quarter, we have adjusted our earnings per share guidance to now a range of $1.90 to $2.05 per share.", "eps[total] FY2024 Guidance/Level 1.9..2.05 USD/share"),
        ("To reflect the third quarter performance, we increased our full year guidance range for core FFO by $0.05 to a range of $6.35 to $6.65 per share.", "ffo_per_share[total] FY2024 Guidance/Level 6.35..6.65 USD/share"),
        ("Q3 revenues were $1.43 billion, $22 million above the high end of our guidance range and growing 31% year over year.", "revenue[total] FY2024-Q3 Actual/Level 1430000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 31 %"),
        ("We expect fourth quarter revenue to be flat to down 6% sequentially.", "revenue[total] FY2024-Q4 Guidance/Qoq -6..0 %"),
        // A period said in a later clause of its own (a cause, a new statement) does not date the figure before it.
        ("Let's discuss our updated financial outlook for 2025. Adjusted EPS is expected to be in the range of $2.10 to $2.30, and we expect the first half of the year to contribute approximately 45% of the year's earnings.", "eps[total] FY2025 Guidance/Level 2.1..2.3 USD/share"),
        ("Operating margin was 25%, driven by the revenue beat and some marketing spend that was pushed into the second half of the year.", "operating_margin[total] FY2024-Q3 Actual/Level 25 %"),
        ("Adjusted free cash flow was $585 million, up 18.5%, and given the momentum we raised our full year outlook.", "free_cash_flow[total] FY2024-Q3 Actual/Level 585000000 USD; free_cash_flow[total] FY2024-Q3 Actual/Yoy 18.5 %"),
        // A guided figure's cause may name the period of its outlook.
        ("We expect adjusted free cash flow to be in the range of $2 billion to $2.5 billion, which includes the benefit of the acquisition in our results for the entire fiscal year.", "free_cash_flow[total] FY2024 Guidance/Level 2000000000..2500000000 USD"),
        // "from one year ago" is the comparison base, as "from a year ago" is.
        ("Adjusted book value per common share was $60.07, up 7.5% from one year ago.", "book_value_per_share[total] FY2024-Q3 Actual/Level 60.07 USD/share; book_value_per_share[total] FY2024-Q3 Actual/Yoy 7.5 %"),
        // Said with the figure's own clause, it does.
        ("Revenue was $5 million and operating margin was 12% for the first half of the year.", "revenue[total] FY2024-H1 Actual/Level 5000000 USD; operating_margin[total] FY2024-H1 Actual/Level 12 %"),
        // "compared with" a period: the comparison base, not the guided figure's period.
        ("Revenues are expected to increase approximately 12% compared with the third quarter of 2023.", "revenue[total] FY2024-Q4 Guidance/Yoy 12 %"),
        // Year-to-date: the first half in a Q2 call, no period of ours in a Q3 call (three quarters).
        ("Our reported EBITDA for the quarter was $560.3 million, up 7.4% for the quarter and 56.3% year-to-date.", "ebitda[total] FY2024-Q3 Actual/Level 560300000 USD; ebitda[total] FY2024-Q3 Actual/Yoy 7.4 %"),
        ("Cash flow from operations totaled $263 million year-to-date.", ""),
        ("Given our performance year-to-date, we raise our full year sales outlook to a range of $64.4 billion to $65.4 billion.", "revenue[total] FY2024 Guidance/Level 64400000000..65400000000 USD"),
        // ... said before the metric, a change between; "through Q3" is the year so far too.
        ("Our year-to-date free cash flow more than doubled versus last year to $410 million.", ""),
        ("Free cash flow rose 12% year-over-year through Q3 to $410 million.", ""),
        ("We reported adjusted EPS of $0.97, a 9% year-over-year improvement, and our year-to-date adjusted EPS of $3.69.", "eps[total] FY2024-Q3 Actual/Level 0.97 USD/share; eps[total] FY2024-Q3 Actual/Yoy 9 %"),
        // A year said from its end is the base's; "Q2 to Q3" dates nothing; "on track for" guides.
        ("Cash and equivalents of $900 million compared to $650 million at year-end 2023.", "cash[total] FY2024-Q3 Actual/Level 900000000 USD; cash[total] FY2023-Q4 Actual/Level 650000000 USD"),
        ("Inventory turns of 4.2 compared to 4.0 at year-end 2023 and 4.1 at the end of the second quarter 2024, and our cash position of $310 million compared to $250 million at year-end 2023.",
         "cash[total] FY2024-Q3 Actual/Level 310000000 USD; cash[total] FY2023-Q4 Actual/Level 250000000 USD"),
        ("Revenue rose 4%, helped by the Q2 to Q3 order shift.", "revenue[total] FY2024-Q3 Actual/Yoy 4 %"),
        ("We are on track for free cash flow of approximately $1 billion.", "free_cash_flow[total] FY2024-Q4 Guidance/Level 1000000000 USD"),
        // "last year's second quarter" is the year-ago quarter, however it is described.
        ("Gross margin was 76.1% in last year's third quarter.", "gross_margin[total] FY2023-Q3 Actual/Level 76.1 %"),
        ("Gross margin increased to 81.7% compared to 76.1% in last year's third quarter.", "gross_margin[total] FY2024-Q3 Actual/Level 81.7 %; gross_margin[total] FY2023-Q3 Actual/Level 76.1 %"),
        ("Adjusted EBITDA grew to $5.1 million from $4 million in the prior year's strong third quarter.", "ebitda[total] FY2024-Q3 Actual/Level 5100000 USD; ebitda[total] FY2023-Q3 Actual/Level 4000000 USD"),
        ("Net income per share was $0.98, increasing 24% compared to $0.79 in the third quarter a year ago.", "eps[total] FY2024-Q3 Actual/Level 0.98 USD/share; eps[total] FY2024-Q3 Actual/Yoy 24 %; eps[total] FY2023-Q3 Actual/Level 0.79 USD/share"),
        ("Revenue was $5 million, up from $4 million in the third quarter last year.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD; revenue[total] FY2023-Q3 Actual/Level 4000000 USD"),
        // A change against a half a year back is that half's change, whatever period was said before.
        ("The strong third quarter also lifted adjusted EBITDA for the first six months of this year to $8.8 million, only $200,000 less than the first half of fiscal 2023.",
         "ebitda[total] FY2024-H1 Actual/Level 8800000 USD; ebitda[total] FY2024-H1 Actual/Yoy -200000 USD"),
        ("Revenue grew 5% versus fiscal 2023.", "revenue[total] FY2024-Q3 Actual/Yoy 5 %"),
        // "double last year's" is a comparison: the guidance keeps the quarter ahead.
        ("We expect fourth quarter EPS of $0.40 to $0.44, which is double last year's fourth-quarter EPS.", "eps[total] FY2024-Q4 Guidance/Level 0.4..0.44 USD/share"),
        // Guidance with no period after talk of a half now over is the next quarter's.
        ("We established growth in the first half. We expect core sales of $3.0 billion to $3.2 billion.", "revenue[total] FY2024-Q4 Guidance/Level 3000000000..3200000000 USD"),
    ];
    check_table(&cases);
}

/// Which metric: the lexicon's, names outside it, per-share figures (EPS, a charge's, a price), bare "earnings", "respectively".
#[test]
fn metric_table() {
    let cases = [
        // A rate that is a metric of its own keeps its unit; deferred revenue is no revenue of the quarter.
        ("Average selling price was $1,200 per unit.", "asp[total] FY2024-Q3 Actual/Level 1200 USD"),
        // A change against the year before, set against the outlook it replaces: the new guide (the old one is not kept).
        ("We expect full year sales will be up 9% to 11% year-over-year versus our prior guidance of 5% to 8% increase.", "revenue[total] FY2024 Guidance/Yoy 9..11 %"),
        // Items of a list keep their own metrics: the next item's metric after a ";" is not this figure's.
        ("For the year, we now expect net sales growth of approximately 1% to 1.5%; a same-store sales decline of approximately 3% to 2.5%.", "revenue[total] FY2024 Guidance/Yoy 1..1.5 %; same_store_sales[total] FY2024 Guidance/Yoy -3..-2.5 %"),
        ("Revenue per available room was $120.", "revpar[total] FY2024-Q3 Actual/Level 120 USD"),
        // Operating cash flow and book value per share in their other wordings.
        ("Cash flow provided by operating activities increased 32% to $107.2 million.", "operating_cash_flow[total] FY2024-Q3 Actual/Yoy 32 %; operating_cash_flow[total] FY2024-Q3 Actual/Level 107200000 USD"),
        ("Cash from operating activities was $240 million.", "operating_cash_flow[total] FY2024-Q3 Actual/Level 240000000 USD"),
        ("Cash flows from operations for the year were $1.1 billion.", "operating_cash_flow[total] FY2024 Actual/Level 1100000000 USD"),
        ("Net cash used in operations was $11.8 million.", "operating_cash_flow[total] FY2024-Q3 Actual/Level -11800000 USD"),
        ("At September 30th, book value per common share was $76.73.", "book_value_per_share[total] FY2024-Q3 Actual/Level 76.73 USD/share"),
        // "OI" is operating income; "cost of sales" is no sales.
        ("Organic sales rose 3%, with OI up 11% and OI margin of 16.2%.", "revenue[total] FY2024-Q3 Actual/Yoy 3 %; operating_income[total] FY2024-Q3 Actual/Yoy 11 %; operating_margin[total] FY2024-Q3 Actual/Level 16.2 %"),
        ("Cost of sales rose 4% in the quarter.", ""),
        ("Our balance of unbilled deferred revenue increased to $37.4 million.", "deferred_revenue[total] FY2024-Q3 Actual/Level 37400000 USD"),
        // "as a percentage of sales": the ratio, not the money metric (nor sales).
        ("Operating expenses as a percentage of net sales were 27.9%, compared to 29.3% last year.", "operating_expense_ratio[total] FY2024-Q3 Actual/Level 27.9 %; operating_expense_ratio[total] FY2023-Q3 Actual/Level 29.3 %"),
        // What went back to shareholders is no figure of the cash flow it came from.
        ("We had solid free cash flow of $673 million, that contributed to shareholder returns of $1.5 billion in the quarter.", "free_cash_flow[total] FY2024-Q3 Actual/Level 673000000 USD; shareholder_returns[total] FY2024-Q3 Actual/Level 1500000000 USD"),
        // A per-share figure of a charge or a price is no EPS.
        ("Results include purchase accounting charges of $17 million or $0.33 per diluted share.", "purchase_accounting_charges[total] FY2024-Q3 Actual/Level 17000000 USD; purchase_accounting_charges_per_share[total] FY2024-Q3 Actual/Level 0.33 USD/share"),
        ("We raised over $30 million through our equity offering program at an average price of $30.26 per share.", ""),
        ("Net income was $19.4 million or $0.38 per diluted share.", "net_income[total] FY2024-Q3 Actual/Level 19400000 USD; eps[total] FY2024-Q3 Actual/Level 0.38 USD/share"),
        // A metric outside the lexicon keeps the name the sentence gives it.
        ("Restructuring and other related charges were approximately $63 million in the quarter.", "restructuring_and_other_related_charges[total] FY2024-Q3 Actual/Level 63000000 USD"),
        ("Book value per share was $45.10.", "book_value_per_share[total] FY2024-Q3 Actual/Level 45.1 USD/share"),
        ("Cloud revenue doubled year-over-year, as cloud adoption grew.", "revenue[cloud] FY2024-Q3 Actual/Yoy 100 %"),
        // Per-share figures and their ranges, the unit said once.
        ("We expect fourth quarter adjusted EPS of $2.35 to $2.47 per share.", "eps[total] FY2024-Q4 Guidance/Level 2.35..2.47 USD/share"),
        ("Net earnings per diluted share were $0.41.", "eps[total] FY2024-Q3 Actual/Level 0.41 USD/share"),
        ("Loss per share was $0.12.", "eps[total] FY2024-Q3 Actual/Level -0.12 USD/share"),
        ("Core FFO per share was $1.05.", "ffo_per_share[total] FY2024-Q3 Actual/Level 1.05 USD/share"),
        // The per-share tail in its wordings; a loss per share is negative; a dividend per share.
        ("Adjusted net income was $178 million or $1.20 diluted earnings per share.", "net_income[total] FY2024-Q3 Actual/Level 178000000 USD; eps[total] FY2024-Q3 Actual/Level 1.2 USD/share"),
        ("Diluted net operating earnings per common share were $3.45.", "eps[total] FY2024-Q3 Actual/Level 3.45 USD/share"),
        ("Net loss was $287 million or $1.87 net loss per diluted share.", "net_income[total] FY2024-Q3 Actual/Level -287000000 USD; eps[total] FY2024-Q3 Actual/Level -1.87 USD/share"),
        ("The Board declared a quarterly dividend of $0.47 per share.", "dividend[total] FY2024-Q3 Actual/Level 0.47 USD/share"),
        // Metrics outside the core list keep their own names.
        // "Now, onto the tools group." opens a segment for the figures that follow.
        ("Now, onto the tools group. As reported, sales rose to $494.9 million in the tools group.", "revenue[tools_group] FY2024-Q3 Actual/Level 494900000 USD"),
        ("Same-store sales rose 5.8%.", "same_store_sales[total] FY2024-Q3 Actual/Yoy 5.8 %"),
        ("Backlog was $2.1 billion.", "backlog[total] FY2024-Q3 Actual/Level 2100000000 USD"),
        ("Net interest income was $410 million.", "net_interest_income[total] FY2024-Q3 Actual/Level 410000000 USD"),
        ("EBIT was $11 million.", "operating_income[total] FY2024-Q3 Actual/Level 11000000 USD"),
        ("Our provision for credit losses was $20 million.", "provision_for_credit_losses[total] FY2024-Q3 Actual/Level 20000000 USD"),
        ("Systemwide RevPAR declined 38.4%.", "revpar[total] FY2024-Q3 Actual/Yoy -38.4 %"),
        ("Our liquidity at quarter end was $277 million.", "liquidity[total] FY2024-Q3 Actual/Level 277000000 USD"),
        // A metric after the next figure is that figure's: "system sales grew 16%, driven by 11% same-store sales growth".
        ("System sales grew 16%, driven by 11% same-store sales growth.", "revenue[total] FY2024-Q3 Actual/Yoy 16 %; same_store_sales[total] FY2024-Q3 Actual/Yoy 11 %"),
        ("We expect net sales and operating income to decline 9% to 11% and 16% to 18%, respectively, in the fourth quarter.", "revenue[total] FY2024-Q4 Guidance/Yoy -11..-9 %; operating_income[total] FY2024-Q4 Guidance/Yoy -18..-16 %"),
        // Bare "earnings" in dollars and cents is EPS; in millions or as a change it is not.
        ("We now expect adjusted earnings to be in the range of $1.70 to $1.90.", "eps[total] FY2024-Q4 Guidance/Level 1.7..1.9 USD/share"),
        ("Earnings grew 10% to $120 million.", ""),
        // An amount of earnings with its per-share figure after it is net income (after tax).
        ("Earnings were $738 million or $1.24 per diluted share.", "net_income[total] FY2024-Q3 Actual/Level 738000000 USD; eps[total] FY2024-Q3 Actual/Level 1.24 USD/share"),
        ("This quarter, we had earnings of $1.6 billion after-tax or $5.04 per share.", "net_income[total] FY2024-Q3 Actual/Level 1600000000 USD; eps[total] FY2024-Q3 Actual/Level 5.04 USD/share"),
        ("Adjusted earnings were $566 million, or $5.21 per diluted share.", "net_income[total] FY2024-Q3 Actual/Level 566000000 USD; eps[total] FY2024-Q3 Actual/Level 5.21 USD/share"),
        ("Adjusted earnings for the third quarter were $186 million or $1.70 per diluted share compared to $176 million or $1.60 per diluted share in Q3 2023.", "net_income[total] FY2024-Q3 Actual/Level 186000000 USD; eps[total] FY2024-Q3 Actual/Level 1.7 USD/share; net_income[total] FY2023-Q3 Actual/Level 176000000 USD; eps[total] FY2023-Q3 Actual/Level 1.6 USD/share"),
        // An item's amount and its per-share amount are neither net income nor EPS.
        ("Earnings were $0.28 per share, largely driven by gains of $43.9 million or $0.10 per share.", "eps[total] FY2024-Q3 Actual/Level 0.28 USD/share"),
        ("We recorded a gain of approximately $43.9 million or $0.10 per share on the sale.", ""),
        ("In the second quarter, Acme earned $3.5 billion or $7.62 per diluted common share.", "net_income[total] FY2024-Q2 Actual/Level 3500000000 USD; eps[total] FY2024-Q2 Actual/Level 7.62 USD/share"),
        ("Revenue earned in the quarter was $52 million.", "revenue[total] FY2024-Q3 Actual/Level 52000000 USD"),
        ("Net income excluding all investment gains and losses was $124 million or $0.42 per share.", "net_income[total] FY2024-Q3 Actual/Level 124000000 USD; eps[total] FY2024-Q3 Actual/Level 0.42 USD/share"),
        ("Adjusted earnings were down 70% year-over-year.", ""),
        ("We report a net loss of $26.6 million or $0.13 per share.", "net_income[total] FY2024-Q3 Actual/Level -26600000 USD; eps[total] FY2024-Q3 Actual/Level -0.13 USD/share"),
        ("Our reported net loss in the third quarter was $0.11 per share.", "eps[total] FY2024-Q3 Actual/Level -0.11 USD/share"),
        ("Free cash flow for the first half of the year was up 34% year over year.", "free_cash_flow[total] FY2024-H1 Actual/Yoy 34 %"),
        // "from continuing operations" and "or" name no segment.
        ("Diluted earnings per share from continuing operations was $2.46. Adjusted EPS was $2.73.", "eps[total] FY2024-Q3 Actual/Level 2.46 USD/share; eps[total] FY2024-Q3 Actual/Level 2.73 USD/share"),
        ("JBT posted adjusted diluted EPS of $0.90 or GAAP earnings per share of $0.84.", "eps[total] FY2024-Q3 Actual/Level 0.9 USD/share; eps[total] FY2024-Q3 Actual/Level 0.84 USD/share"),
    ];
    check_table(&cases);
}

/// Segments said beside a figure: a place after it, a name the text turns to, a clause of its own.
#[test]
fn segment_table() {
    let cases = [
        // A lead-in name joined by "&", and a segment's possessive, name the segment.
        ("In Corporate Finance & Restructuring, revenues of $236.6 million increased 23.4%.", "revenue[corporate_finance_and_restructuring] FY2024-Q3 Actual/Level 236600000 USD; revenue[corporate_finance_and_restructuring] FY2024-Q3 Actual/Yoy 23.4 %"),
        ("Our economic consulting segment's revenues of $155 million increased 9.4%.", "revenue[economic_consulting] FY2024-Q3 Actual/Level 155000000 USD; revenue[economic_consulting] FY2024-Q3 Actual/Yoy 9.4 %"),
        // A place or business in capitals right after the figure is its segment.
        ("The Americas, Europe and Asia all grew. Local currency sales grew 6% in the Americas, 1% in Europe, and 5% in Asia.", "revenue[americas] FY2024-Q3 Actual/Yoy 6 %; revenue[europe] FY2024-Q3 Actual/Yoy 1 %; revenue[asia] FY2024-Q3 Actual/Yoy 5 %"),
        ("Revenue grew 6% in the third quarter.", "revenue[total] FY2024-Q3 Actual/Yoy 6 %"),
        // A segment the text turns to stands, though named once.
        ("Sales were $3.6 billion. In Display Technologies, sales were $956 million.", "revenue[total] FY2024-Q3 Actual/Level 3600000000 USD; revenue[display_technologies] FY2024-Q3 Actual/Level 956000000 USD"),
        // A clause with a transaction verb of its own is no figure of the metric before.
        ("For the full year, we generated $310 million in cash from operations and returned $61 million to shareholders.", "operating_cash_flow[total] FY2024 Actual/Level 310000000 USD"),
    ];
    check_table(&cases);
}

/// What is no figure of the metric: effects, parts, what-if moves, distances from an outlook, earlier outlooks quoted.
#[test]
fn not_a_figure_table() {
    let cases = [
        // An outlook given once ("previously expected", "used to guide") is no guidance now.
        ("We had previously expected gross margin expansion of 50 basis points for the year.", ""),
        ("We used to guide to cemetery sales growth of 4% to 6% over this period.", ""),
        // The change of a driver named beside its change noun is not the metric's.
        ("Package revenue grew 9% on strong yield improvement of 10%.", "revenue[total] FY2024-Q3 Actual/Yoy 9 %"),
        ("We saw a 4% decline in revenues and a 7.8% decline in expenses.", "revenue[total] FY2024-Q3 Actual/Yoy -4 %"),
        ("Sales were up 12%, driven by 8% volume growth and price increases of 3%.", "revenue[total] FY2024-Q3 Actual/Yoy 12 %"),
        // An effect on two metrics named together ("boosted both ... and ... by") is no level of either.
        ("A deferred tax benefit boosted both GAAP earnings per share and adjusted earnings per share by $0.32 for the quarter.", ""),
        // A year before a debt instrument names it: the guide is the year's, not 2026's.
        ("We expect GAAP EPS for 2024, after interest on our 2026 convertible notes, to range between $5.60 and $6.30.", "eps[total] FY2024 Guidance/Level 5.6..6.3 USD/share"),
        // A rate per unit of something is no amount of the metric.
        ("Third quarter adjusted EBITDA per ton was $62 on 1,056,000 sales tons.", ""),
        ("Maintenance capex is expected to be between $750,000 and $1 million per active rig per annum.", ""),
        // Paying down or issuing debt is a flow, not the debt outstanding.
        ("Year-to-date, we used our cash flow to repay $45 million of debt.", ""),
        // The size of an effect named after it, or of a what-if move, is no figure of the metric.
        ("Last year's gross margin included rebates, which provided a 100 basis point benefit to gross margin.", ""),
        ("Offsetting these improvements was about 140 basis points of negative gross margin impact.", ""),
        ("On the oil side, a $5 change in oil impacts earnings by $0.03 per share.", ""),
        ("We expect sales in China to be down, which impacts our sales growth in the quarter by approximately 2%.", ""),
        // A part of a figure or an effect on a metric is not the metric; the company's own change is.
        ("Operating income was $22 million including $700,000 of costs related to the merger.", "operating_income[total] FY2024-Q3 Actual/Level 22000000 USD"),
        ("Earnings per share were $3.82, including a $0.02 charge for restructuring.", "eps[total] FY2024-Q3 Actual/Level 3.82 USD/share"),
        // ... and each further item of the list; a change after the list is the metric's again.
        ("Operating income of $56.2 million increased $11.2 million, including $1.3 million of unfavorable currency effects and $1 million of COVID-related costs.",
         "operating_income[total] FY2024-Q3 Actual/Level 56200000 USD; operating_income[total] FY2024-Q3 Actual/Yoy 11200000 USD"),
        ("Operating earnings were $284.7 million, including $2.8 million of direct COVID-related costs, $1 million of restructuring costs and $3 million of other costs.",
         "operating_income[total] FY2024-Q3 Actual/Level 284700000 USD"),
        ("Sales were $494.9 million, including $2.2 million of favorable currency and an $81 million or 19.6% organic increase.",
         "revenue[total] FY2024-Q3 Actual/Level 494900000 USD; revenue[total] FY2024-Q3 Actual/Yoy 81000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 19.6 %"),
        // What a figure reflects or overcomes, a favorable or unfavorable effect, and the items listed after it.
        ("Sales of $410 million rose 4% from $394 million last year, reflecting $6 million of acquired sales and $3.1 million of favorable currency translation.",
         "revenue[total] FY2024-Q3 Actual/Level 410000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 4 %; revenue[total] FY2023-Q3 Actual/Level 394000000 USD"),
        ("Revenue was $820 million, with a 5% organic gain, $4.4 million of unfavorable foreign currency translation and $9 million of acquisition sales.",
         "revenue[total] FY2024-Q3 Actual/Level 820000000 USD"),
        ("Operating margin was 18.2%, up 90 basis points, overcoming 20 basis points of unfavorable currency.", "operating_margin[total] FY2024-Q3 Actual/Level 18.2 %; operating_margin[total] FY2024-Q3 Actual/Yoy 90 bp"),
        ("Included in cost of sales was a $2.3 million charge related to the inventory reserve.", ""),
        ("Included in the results was a release of provision for credit losses of $4.1 million.", "provision_for_credit_losses[total] FY2024-Q3 Actual/Level -4100000 USD"),
        ("Home revenues rose to $2.1 billion, reflecting a 22% increase in deliveries.", "revenue[total] FY2024-Q3 Actual/Level 2100000000 USD"),
        ("We paid $600 million in dividends, reflecting a 4% increase in our quarterly dividend.", "dividend[total] FY2024-Q3 Actual/Level 600000000 USD; dividend[total] FY2024-Q3 Actual/Yoy 4 %"),
        ("Our current view of the EBIT impact of the storm is about $25 million.", ""),
        // An item's amount per share beside its pre-tax amount is no EPS.
        ("And finally, income of $5.2 million pre-tax or $0.08 per diluted share for employee retention payroll tax credits.", ""),
        ("Net income was $26.6 million or $0.13 per share.", "net_income[total] FY2024-Q3 Actual/Level 26600000 USD; eps[total] FY2024-Q3 Actual/Level 0.13 USD/share"),
        ("Production downtime reduced our sales by approximately $300 million or 21%.", ""),
        ("We estimate currency reduced operating income by approximately $3.5 million.", ""),
        ("We grew revenue by 10% in the quarter.", "revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
        // The size of a company a figure describes is no figure of the call's.
        ("We are well on our way to becoming a $15 billion revenue company.", ""),
        ("We said we would be a $10 billion-plus revenue company.", ""),
        ("The acquired business brings a seasoned team with approximately $120 million of annual revenue.", ""),
        ("Tooling's annual net sales were approximately $60 million and Beta's annual net sales were roughly $15 million.", ""),
        ("Our cloud business surpassed $12 billion in annual revenue, up 20%.", "revenue[cloud] FY2024 Actual/Level 12000000000 USD; revenue[cloud] FY2024 Actual/Yoy 20 %"),
        ("Revenue was a record $1.2 billion in the quarter.", "revenue[total] FY2024-Q3 Actual/Level 1200000000 USD"),
        ("We increased our gross margin by 50 basis points.", "gross_margin[total] FY2024-Q3 Actual/Yoy 50 bp"),
        // A distance from an outlook, or the size of a revision, is no figure of a period.
        ("In the second quarter, revenue was $1.534 billion, about $44 million above our outlook.", "revenue[total] FY2024-Q2 Actual/Level 1534000000 USD"),
        ("We are raising our full year revenue outlook by $73 million to a range of $5.53 billion to $5.54 billion.", "revenue[total] FY2024 Guidance/Level 5530000000..5540000000 USD"),
        // ... said in two units, or as "exceeding our guidance by"; a level "or" its distance keeps the level.
        ("Adjusted EBITDA was $484.9 million, about $17 million and 20 basis points above our outlook.", "ebitda[total] FY2024-Q3 Actual/Level 484900000 USD"),
        ("Cash flow from operations was $1.2 billion, exceeding our cash flow guidance by over $650 million.", "operating_cash_flow[total] FY2024-Q3 Actual/Level 1200000000 USD"),
        ("Revenue for 2024 is now estimated to be approximately $5.975 billion or $175 million above our initial outlook.", "revenue[total] FY2024 Guidance/Level 5975000000 USD"),
        // A distance between two metrics, and an outlook's revision said in the past tense, are no figures.
        ("Cash from operations exceeded capital expenditures by approximately $85 million in the quarter.", ""),
        ("Our 2024 outlook for adjusted operating income at the midpoint was down $40 million to $610 million.", ""),
        // A distance between two metrics is no figure of either.
        ("Net income in the quarter was $290 million or approximately $1.7 billion lower than adjusted earnings.", "net_income[total] FY2024-Q3 Actual/Level 290000000 USD"),
        // A distance from a base figure is a change, the base a level of its own period.
        ("Adjusted earnings per share was $0.13, $0.05 over a $0.08 performance in the comparable prior year period.",
         "eps[total] FY2024-Q3 Actual/Level 0.13 USD/share; eps[total] FY2024-Q3 Actual/Yoy 0.05 USD/share; eps[total] FY2023-Q3 Actual/Level 0.08 USD/share"),
        ("Adjusted EBITDA increased to $5.1 million, $1.1 million or 26% higher than the $4 million of adjusted EBITDA achieved in last year's third quarter.",
         "ebitda[total] FY2024-Q3 Actual/Level 5100000 USD; ebitda[total] FY2024-Q3 Actual/Yoy 1100000 USD; ebitda[total] FY2024-Q3 Actual/Yoy 26 %; ebitda[total] FY2023-Q3 Actual/Level 4000000 USD"),
        // "more than" before a figure is no comparison; a dividend's change per share is the dividend's.
        ("Digital sales increased more than 20%.", "revenue[total] FY2024-Q3 Actual/Yoy 20 %"),
        ("We increased our quarterly dividend to $0.42 per share, a $0.02 per share or 5% increase.",
         "dividend[total] FY2024-Q3 Actual/Level 0.42 USD/share; dividend[total] FY2024-Q3 Actual/Yoy 0.02 USD/share; dividend[total] FY2024-Q3 Actual/Yoy 5 %"),
        // A base's period a few words after it; an outlook word before the metric is no earlier outlook.
        ("Earnings were $1.18 per share, compared to $0.90 per share for the same quarter in 2023.", "eps[total] FY2024-Q3 Actual/Level 1.18 USD/share; eps[total] FY2023-Q3 Actual/Level 0.9 USD/share"),
        ("Results exceeded our expectations with earnings of $1.18 per share.", "eps[total] FY2024-Q3 Actual/Level 1.18 USD/share"),
        ("Revenue was $457 million, above our outlook range of $440 million.", "revenue[total] FY2024-Q3 Actual/Level 457000000 USD"),
        // ... but where the result landed past the outlook is the result: "exceeded our guidance range at $1.33".
        ("FFO per share for the third quarter exceeded our guidance range at $1.55 per share and compared to third quarter 2023 of $1.36 represented an increase of 14%.", "ffo_per_share[total] FY2024-Q3 Actual/Level 1.55 USD/share; ffo_per_share[total] FY2023-Q3 Actual/Level 1.36 USD/share; ffo_per_share[total] FY2024-Q3 Actual/Yoy 14 %"),
        ("Adjusted EPS was above our expectations at $0.30.", "eps[total] FY2024-Q3 Actual/Level 0.3 USD/share"),
        ("We generated sales of $3.8 billion and adjusted earnings per share ahead of guidance at $1.69.", "revenue[total] FY2024-Q3 Actual/Level 3800000000 USD; eps[total] FY2024-Q3 Actual/Level 1.69 USD/share"),
        ("Gross margin exceeded our expectations at 11.1%.", "gross_margin[total] FY2024-Q3 Actual/Level 11.1 %"),
    ];
    check_table(&cases);
}

/// Comparison bases: the base takes the earlier period, said in its own words, behind its qualifiers or a year back.
#[test]
fn base_table() {
    let cases = [
        // "fiscal '24's second quarter" is one period, and the comparison.
        ("Sales increased 9.5% from fiscal '24's second quarter.", "revenue[total] FY2024-Q3 Actual/Qoq 9.5 %"),
        // A base "in the prior year" of a full-year figure is the year before.
        ("For the year, adjusted free cash flow amounted to $531.3 million, as compared with $455.9 million in the prior year.", "free_cash_flow[total] FY2024 Actual/Level 531300000 USD; free_cash_flow[total] FY2023 Actual/Level 455900000 USD"),
        // A figure that opens its sentence (no word before it to read as a base's opener).
        ("$1.2 billion in revenue for the quarter.", "revenue[total] FY2024-Q3 Actual/Level 1200000000 USD"),
        // A comparison base with its metric: "compared to net sales of $1.12 billion in 2023".
        ("We now expect sales in the range of $1.015 billion to $1.05 billion compared to net sales of $1.12 billion in 2023.", "revenue[total] FY2024 Guidance/Level 1015000000..1050000000 USD; revenue[total] FY2023 Actual/Level 1120000000 USD"),
        // "Q3 of last year" is one period, a year back.
        ("Our gross margin of 38.2% is up from 32.3% in Q3 of last year.", "gross_margin[total] FY2024-Q3 Actual/Level 38.2 %; gross_margin[total] FY2023-Q3 Actual/Level 32.3 %"),
        ("Operating income is up 25% from $34.5 million in Q3 of last year.", "operating_income[total] FY2024-Q3 Actual/Yoy 25 %; operating_income[total] FY2023-Q3 Actual/Level 34500000 USD"),
        // A base "or" its per-share amount takes the period said after the pair; bases joined by "and"
        // past the first one's period; "in the quarter of 2024" is the quarter.
        ("Net income was $12.1 million or $0.24 per diluted share, compared to $15.3 million or $0.30 per diluted share a year ago.",
         "net_income[total] FY2024-Q3 Actual/Level 12100000 USD; eps[total] FY2024-Q3 Actual/Level 0.24 USD/share; net_income[total] FY2023-Q3 Actual/Level 15300000 USD; eps[total] FY2023-Q3 Actual/Level 0.3 USD/share"),
        ("Gross margin of 38.2% is up from 36% in Q2 and 35.1% in Q3 of last year.",
         "gross_margin[total] FY2024-Q3 Actual/Level 38.2 %; gross_margin[total] FY2024-Q2 Actual/Level 36 %; gross_margin[total] FY2023-Q3 Actual/Level 35.1 %"),
        ("Revenue of $93.4 million in the quarter of 2024 compared to $83.9 million last year.", "revenue[total] FY2024-Q3 Actual/Level 93400000 USD; revenue[total] FY2023-Q3 Actual/Level 83900000 USD"),
        ("Operating income of $216.2 million in the quarter compared to $171.4 million in 2023.", "operating_income[total] FY2024-Q3 Actual/Level 216200000 USD; operating_income[total] FY2023-Q3 Actual/Level 171400000 USD"),
        // A comparison base behind its qualifiers takes the earlier period.
        ("Adjusted EPS was $0.38, down 46% from last year's adjusted $0.71.", "eps[total] FY2024-Q3 Actual/Level 0.38 USD/share; eps[total] FY2024-Q3 Actual/Yoy -46 %; eps[total] FY2023-Q3 Actual/Level 0.71 USD/share"),
        // A base with its own period or a base noun before the figure: "from Q2's $11.2 million", "over the prior-year level of 58.4%".
        ("Our non-GAAP EPS of $1.56 is up from Q2's $0.21, while it is flat to Q3 of last year.", "eps[total] FY2024-Q3 Actual/Level 1.56 USD/share; eps[total] FY2024-Q2 Actual/Level 0.21 USD/share; eps[total] FY2024-Q3 Actual/Yoy 0 %"),
        ("Gross margin in the quarter was 59%, an increase over the prior-year level of 58.4%.", "gross_margin[total] FY2024-Q3 Actual/Level 59 %; gross_margin[total] FY2023-Q3 Actual/Level 58.4 %"),
        ("Adjusted EBITDA almost doubled to $64 million in Q3 from the Q2 level of approximately $32 million.", "ebitda[total] FY2024-Q3 Actual/Qoq 100 %; ebitda[total] FY2024-Q3 Actual/Level 64000000 USD; ebitda[total] FY2024-Q2 Actual/Level 32000000 USD"),
        // A period said after a base figure in its clause is the base's, not the sentence's: "achieved in
        // last year's ...", "reported last year -- 2023", "we reported in ...".
        ("Adjusted EBITDA grew to $5.1 million, an increase of 26% compared to the just over $4 million of adjusted EBITDA achieved in last year's strong third quarter and well above our plan.",
         "ebitda[total] FY2024-Q3 Actual/Level 5100000 USD; ebitda[total] FY2024-Q3 Actual/Yoy 26 %; ebitda[total] FY2023-Q3 Actual/Level 4000000 USD"),
        ("EPS for the quarter of $3.44 was down 7.8% from the $3.73 reported last year -- 2023.", "eps[total] FY2024-Q3 Actual/Level 3.44 USD/share; eps[total] FY2024-Q3 Actual/Yoy -7.8 %; eps[total] FY2023-Q3 Actual/Level 3.73 USD/share"),
        ("Revenue was $5 million compared to the $4 million we reported in the third quarter of 2023.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD; revenue[total] FY2023-Q3 Actual/Level 4000000 USD"),
        // A basis between the opener and the base's period: "versus adjusted third quarter 2023".
        ("Operating margin increased 360 basis points to 11.1% and increased 240 basis points versus adjusted third quarter 2023 operating margin of 8.7%.",
         "operating_margin[total] FY2024-Q3 Actual/Yoy 360 bp; operating_margin[total] FY2024-Q3 Actual/Level 11.1 %; operating_margin[total] FY2024-Q3 Actual/Yoy 240 bp; operating_margin[total] FY2023-Q3 Actual/Level 8.7 %"),
        // A change said against another change stays a change, never a base level.
        ("Same-store sales decreased 9.1% compared to a 14.6% decrease in the prior quarter.", "same_store_sales[total] FY2024-Q3 Actual/Qoq -9.1 %; same_store_sales[total] FY2024-Q3 Actual/Qoq -14.6 %"),
    ];
    check_table(&cases);
}

#[test]
fn organic_growth_is_a_basis_of_its_own() {
    // "up 11% with 8% organic growth": two changes of one revenue, neither in conflict with the
    // other, and only the reported one implies last year's level.
    let text = "Operator\nWelcome to the Acme Q3 2024 Earnings Conference Call.\nJane Doe - CFO\n\
                Revenue was $111 million. Net sales were up 11% with 8% organic sales growth.\n";
    let f = crate::analyze(text);
    let got: Vec<String> = f
        .facts
        .iter()
        .map(|x| format!("{:?} {:?} {:?} {} {}", x.kind, x.measure, x.basis, x.value.unwrap_or(0.0), x.conflict))
        .collect();
    assert_eq!(got, ["Actual Level None 111000000 false", "Actual Yoy None 11 false", "Actual Yoy Some(Organic) 8 false", "Derived Level None 100000000 false"]);
}

/// A call that names its quarter but never its year gives no figure; given its period, it
/// gives them dated from it as if its text had said it, with a note that says so.
#[test]
fn a_given_call_period_dates_the_figures() {
    let text = "Operator\nWelcome to the Acme third quarter earnings call.\nJane Doe - CFO\nRevenue in the third quarter was $5.2 million, up 12% from the second quarter.\nFor the fourth quarter, we expect revenue of $5.5 million to $5.8 million.\n";
    let t = crate::transcript::parse(text);
    let unknown = super::extract(&t);
    assert!(unknown.call.is_none() && unknown.facts.is_empty(), "{unknown:?}");
    assert_eq!(unknown.transcript.as_ref().and_then(|s| s.call_quarter), Some(3));
    assert!(unknown.notes.iter().any(|n| n.kind == "undated" && n.message.contains("period is unknown")));

    let given: crate::facts::Period = "FY2021-Q3".parse().unwrap();
    let f = super::extract_as(&t, Some(given));
    assert_eq!(f.call, Some(given));
    let said: Vec<String> = f.facts.iter().map(|x| format!("{} {} {:?}", x.metric, x.period, x.kind)).collect();
    assert!(said.contains(&"revenue FY2021-Q3 Actual".to_string()) && said.contains(&"revenue FY2021-Q4 Guidance".to_string()), "{said:?}");
    // The period known, no quarter is a guess any more.
    assert_eq!(f.transcript.as_ref().and_then(|s| s.call_quarter), None);
    let note = f.notes.iter().find(|n| n.kind == "call_given").expect("a call_given note");
    assert_eq!(note.period, Some(given));
    assert!(note.message.contains("FY2021-Q3") && note.message.contains("does not say it"), "{}", note.message);
    assert!(!f.notes.iter().any(|n| n.message.contains("period is unknown")));

    // A period given against the one the text says wins, and the note says what the text said.
    let known = "Operator\nWelcome to the Acme Q3 2020 Earnings Conference Call.\nJane Doe - CFO\nRevenue in the third quarter was $5.2 million.\n";
    let t = crate::transcript::parse(known);
    let f = super::extract_as(&t, Some(given));
    assert_eq!(f.facts.first().map(|x| x.period), Some(given));
    assert!(f.notes.iter().any(|n| n.kind == "call_given" && n.message.contains("reads as FY2020-Q3")));
    // Giving the period it says changes nothing.
    assert_eq!(super::extract_as(&t, "FY2020-Q3".parse().ok()), super::extract(&t));
}

#[test]
fn restated_changes() {
    // A change restated in constant currency or organically is a figure of its own basis,
    // beside the reported one (no conflict); a level so restated, or another metric's
    // organic change, is none.
    let basis = |sentence: &str| {
        let text = format!("Operator\nWelcome to the Acme Q3 2024 Earnings Conference Call.\nJane Doe - CFO\n{sentence}\n");
        let f = crate::analyze(&text);
        f.facts
            .iter()
            .filter(|x| x.kind != Kind::Derived)
            .map(|x| format!("{} {:?} {} {:?} {}", x.metric, x.measure, x.value.unwrap_or(f64::NAN), x.basis, x.conflict))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let cases = [
        ("Revenue grew 12%, and 10% in constant currency.", "revenue Yoy 12 None false; revenue Yoy 10 Some(ConstantCurrency) false"),
        ("Revenue was $76.4 billion, up 18%, and 17% in constant currency.", "revenue Level 76400000000 None false; revenue Yoy 18 None false; revenue Yoy 17 Some(ConstantCurrency) false"),
        ("Operating income increased 34%, and 33% in constant currency.", "operating_income Yoy 34 None false; operating_income Yoy 33 Some(ConstantCurrency) false"),
        ("IBM revenue was up 6.5%, up 8.6% at constant currency.", "revenue Yoy 6.5 None false; revenue Yoy 8.6 Some(ConstantCurrency) false"),
        ("Revenue increased 23%, up 19% in constant dollars.", "revenue Yoy 23 None false; revenue Yoy 19 Some(ConstantCurrency) false"),
        ("Revenue rose 4%, or 5% on a currency-neutral basis.", "revenue Yoy 4 None false; revenue Yoy 5 Some(ConstantCurrency) false"),
        ("Sales grew 8%, or 6% organically.", "revenue Yoy 8 None false; revenue Yoy 6 Some(Organic) false"),
        ("Sales were $5 billion, or $4.9 billion in constant currency.", "revenue Level 5000000000 None false"),
        ("Operating income grew 9%, or 7% organically.", "operating_income Yoy 9 None false"),
    ];
    let bad: Vec<String> = cases.iter().filter(|(s, want)| basis(s) != *want).map(|(s, want)| format!("{s:?}\n   got  {:?}\n   want {want:?}", basis(s))).collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}
