/// Every text a page or an API error shows, by what it says. Each language
/// has one `MessageTable` holding all of them (a test checks); pages and
/// errors name a message, never write its text. `{1}`, `{2}`, … in a text
/// are its arguments, in order.
enum MessageID: String, Sendable, CaseIterable {
    // The frame: navigation, footer, the language switcher.
    case navSearch, navCompare, navTimeline, navPolicies, navGoals, navChanges
    case footer, languageSwitcher, pageTitle

    // Error pages and the API's `{"error": …}`.
    case errorBadRequest, errorNotFound, errorMethodNotAllowed, errorTimedOut, errorServer, errorBackToSearch
    case methodNotAllowed, timedOut, abandoned, internalError
    case queryStringTooLong, malformedQueryString, parameterTooLong, notWholeNumber, outOfRange
    case sortInvalid, scriptInvalid, kindInvalid, langInvalid, formatInvalid, workbookFailed
    case metricRequired, queryRequired, unknownFacet, requestDetail
    case noArticle, noPolicy, noAsset, noPage, noLine, sinceRequired
    case notADate, unknownRegion
    case malformedQuery, queryEmpty, queryEmptyParentheses, queryEmptyTitle, queryUnbalanced, queryDangling
    case queryOnlyExclusions, queryNothingSearchable, queryTooLong, queryTooManyTerms, queryControlCharacter, queryTooDeep

    // Form labels, hints (placeholders, phrased as examples), buttons.
    case labelQuery, labelRegion, labelRegions, labelSection, labelSince, labelUntil, labelPolicy, labelGoalYear
    case labelYear, labelMetric, labelKind, labelOrder, labelTitleOrShortName, labelWithGoals, labelExactScript
    case labelAllCopies, storyCopies, headingAppearances
    case hintQuery, hintRegion, hintRegions, hintSection, hintSince, hintUntil, hintPolicy, hintYear, hintMetric
    case buttonSearch, buttonCompare, buttonFilter, buttonShow
    case sortRelevance, sortNewest, sortOldest
    case kindTargetsAndIncentives, kindTargets, kindIncentives, kindStatistics, kindAll

    // Values shown in rows.
    case kindTarget, kindIncentive, kindStatistic, stretch
    case yearSourceStated, yearSourceRelative, yearSourcePolicyPeriod, yearSourceNone
    case periodFrom, periodUntil, issueNumber, cumulativeNumber, shortName, yearSuffix, noUnit, noYear

    // Column headings and facts.
    case columnID, columnKind, columnRegion, columnMetric, columnComparator, columnValue, columnExact, columnUnit
    case columnYear, columnEvidence, columnFrom, columnTarget, columnPolicy, columnGoals, columnDate, columnIssue
    case columnArticle, columnCalled, columnTitle, columnShortName, columnPeriod, columnArticles, columnGoalCount
    case factPublication, factSection, factSource, factLinks, factInForce

    // The search page.
    case queryLanguage, queryColumn, findsColumn, findsBoth, findsPhrase, findsEither, findsWithout, findsGrouping
    case findsInTitles, queryHelp, searchResults, facets, facetYear, matchingArticles, matchingRange, noArticlesMatch
    case previousPage, nextPage, download

    // The article and policy pages.
    case headingPolicies, headingText, headingTargets, headingGoals, evidenceSummary, noGoals
    case headingMentions, headingTargetsAndGoals, noneExtracted, byYear, noPolicyMentions, noPoliciesMatch

    // Compare, goals and timeline.
    case headingCompare, headingGoalsPage, headingTimeline, metricsWithMostTargets, compareTitle
    case compareSummaryAll, compareSummaryFirst, noGoalsMatchCompare, noGoalsMatch, goalsRange
    case timelineSummary, timelineEmpty, timelineTopRegions, headingAsTable
    case chartCompared, chartGroup, chartTimeline, chartCell, chartGapYear

    // Target lines: the changes digest and a line's page.
    case headingChanges, changesSummary, changesDefaultSince, changesEmpty, changesTruncated, labelEvent
    case changesSet, changesChanged, changesSuperseded, changesMet, changesBehind
    case eventSet, eventRestated, eventChanged, eventSuperseded, eventReported
    case changeRaised, changeLowered, changeMovedLater, changeMovedEarlier, changeFirmedUp, changeMadeStretch
    case changeComparator, changeUnit
    case outcomeMet, outcomeMetLate, outcomeBehind, outcomeProgress
    case columnEvent, columnLine, columnBefore, lineLinkText, lineOf
    case lineTitle, lineSummary, factCurrentTarget, factEvents, factFirstSeen, factLastSeen, factSupersededBy
    case eventInvalid
    case headingEvents, chartLine, chartTargetYear, chartSuperseded, chartStretch, chartStepKey, lineUndated
}
