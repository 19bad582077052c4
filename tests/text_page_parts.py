"""Parts of a text page the text-page model tests (title, writers, days) build their pages from: a
menu, a headline the URL spells, and an article of three paragraphs."""

MENU = "Home\nPolitics\nBusiness\nSport\nCulture\nSubscribe"
HEADLINE = "New ferry timetable for the summer"
ARTICLE = (
    "The city council approved the new budget on Tuesday after a debate that lasted more than six hours.\n"
    "Opposition members said the plan cuts too deeply into public transport, while the mayor called it balanced.\n"
    "The budget now goes to the regional authority, which has until the end of the month to sign it off."
)
URL = "https://rheinblatt.example/new-ferry-timetable-for-the-summer"
