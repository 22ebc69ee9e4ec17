"""The sample journal's story: one (fictional) data analyst's applications over six months, and the calls.

Every date is a day number: day 0 is the first day of the sample, day ``SPAN``
its last.  :mod:`workbook.demo` turns the day numbers into dates and the story
into records.  Companies, people and events are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Days from the first day of the sample to its last (about six months).
SPAN = 183


@dataclass(frozen=True)
class StoryApplication:
    """One application as the story tells it; ``stages`` are (stage, day) after applying."""

    key: str
    company: str
    role: str
    applied: int
    stages: tuple[tuple[str, int], ...] = ()
    outcome: str = "pending"
    outcome_day: int | None = None
    channel: str = "none"
    notes: str = ""
    #: How many mood points the news takes away at first (rejections only).
    dip: float = 0.0
    #: Whether the employer invited the person to apply again.
    invited_back: bool = False


@dataclass(frozen=True)
class StoryCall:
    """The notes from one rejection call, keyed by application."""

    key: str
    covered: tuple[str, ...]
    questions: str
    answers: str
    notes: str


APPLICATIONS: tuple[StoryApplication, ...] = (
    StoryApplication(
        "blue_alder",
        "Blue Alder Software",
        "Junior Data Analyst",
        3,
        outcome="ghosted",
        outcome_day=48,
        notes="Applied on their careers page. Never heard back.",
    ),
    StoryApplication(
        "larkspur",
        "Larkspur Analytics",
        "Data Analyst",
        5,
        (("screen", 11), ("interview", 17)),
        "rejected",
        24,
        "video_call",
        "Panel interview with a live SQL exercise.",
        dip=3.5,
    ),
    StoryApplication(
        "harbourline",
        "Harbourline Logistics",
        "Business Intelligence Analyst",
        12,
        (("screen", 26),),
        "rejected",
        41,
        "email",
        "Recruiter screen went well, I thought.",
        dip=3.0,
    ),
    StoryApplication(
        "orchard_grid",
        "Orchard Grid",
        "Data Analyst",
        16,
        (("screen", 29),),
        outcome="ghosted",
        outcome_day=66,
        notes="Two follow-up emails, no reply.",
    ),
    StoryApplication(
        "copperleaf",
        "Copperleaf Health",
        "Product Analyst",
        22,
        (("screen", 34), ("interview", 46), ("final", 56)),
        "rejected",
        62,
        "video_call",
        "Final round: a case study presentation to the product team.",
        dip=4.0,
        invited_back=True,
    ),
    StoryApplication(
        "vantage",
        "Vantage Fieldworks",
        "Reporting Analyst",
        40,
        outcome="ghosted",
        outcome_day=92,
        notes="Found it through a friend of Sam's.",
    ),
    StoryApplication(
        "saltmarsh",
        "Saltmarsh Studios",
        "Insights Analyst",
        50,
        (("screen", 63), ("interview", 74)),
        "rejected",
        83,
        "phone",
        "Games studio, small team, very friendly recruiter.",
        dip=3.0,
    ),
    StoryApplication(
        "glassbeam",
        "Glassbeam Retail",
        "Data Analyst",
        58,
        (("screen", 71),),
        "withdrawn",
        88,
        "email",
        "Withdrew: the role became five days a week on site, two hours away.",
    ),
    StoryApplication(
        "juniper",
        "Juniper Rail",
        "Senior Data Analyst",
        68,
        (("screen", 80), ("interview", 93)),
        "rejected",
        104,
        "video_call",
        "A stretch role. Worth a try.",
        dip=3.5,
    ),
    StoryApplication(
        "heronsgate", "Heronsgate Publishing", "Data Analyst", 95, notes="Sent a tailored cover letter."
    ),
    StoryApplication(
        "quillfeather",
        "Quillfeather Books",
        "Data Analyst",
        97,
        (("screen", 111),),
        "rejected",
        125,
        "email",
        dip=2.5,
    ),
    StoryApplication(
        "rivermill",
        "Rivermill Foods",
        "Supply Chain Analyst",
        100,
        (("screen", 109), ("interview", 119)),
        outcome="ghosted",
        outcome_day=152,
        notes="They said they would decide within two weeks.",
    ),
    StoryApplication(
        "brightmoss",
        "Brightmoss Energy",
        "Analytics Engineer",
        112,
        (("screen", 121), ("interview", 132), ("final", 141)),
        "rejected",
        147,
        "video_call",
        "Take-home task in dbt, then a final round with the team.",
        dip=3.5,
        invited_back=True,
    ),
    StoryApplication("lanternfish", "Lanternfish Media", "Audience Analyst", 118),
    StoryApplication(
        "fernhollow",
        "Fernhollow Maps",
        "Data Analyst",
        128,
        (("screen", 139), ("interview", 152), ("final", 169)),
        "offer",
        178,
        "phone",
        "They called with an offer! Start date still to agree.",
    ),
    StoryApplication(
        "kittiwake",
        "Kittiwake Insurance",
        "Pricing Analyst",
        133,
        (("screen", 144),),
        notes="Screen call done; they said they would be in touch about next steps.",
    ),
    StoryApplication(
        "tallow",
        "Tallow & Finch",
        "Product Analyst",
        138,
        (("screen", 149), ("interview", 159)),
        "rejected",
        167,
        "video_call",
        dip=3.0,
    ),
    StoryApplication("westerly", "Westerly Building Society", "MI Analyst", 150),
    StoryApplication(
        "sunfield",
        "Sunfield Co-op",
        "Data Analyst",
        156,
        (("screen", 166), ("interview", 176)),
        notes="Interview felt like a real conversation.",
    ),
    StoryApplication(
        "pebblecourt",
        "Pebblecourt Insurance",
        "Senior Analyst",
        158,
        (("screen", 168),),
        "withdrawn",
        179,
        "email",
        "Withdrew after the Fernhollow offer; thanked them for their time.",
    ),
    StoryApplication("amberline", "Amberline Games", "Player Insights Analyst", 164, (("screen", 172),)),
    StoryApplication("mistral", "Mistral Cycles", "Data Analyst", 170),
    StoryApplication("pinecrest", "Pinecrest Council", "Data Officer", 174, (("screen", 181),)),
    StoryApplication("oakum", "Oakum Labs", "Junior Analytics Engineer", 177),
    StoryApplication("kestrel", "Kestrel Transit", "Transport Data Analyst", 181),
)

CALLS: tuple[StoryCall, ...] = (
    StoryCall(
        "larkspur",
        ("thanks", "reason", "feedback", "questions"),
        "What would have made my SQL exercise stronger? Did anything in the panel hold me back?",
        "More ease with window functions, and talking through my choices out loud instead of typing "
        "in silence. They liked my questions about their data quality work.",
        "The recruiter was kind. Eleven people reached the interview stage. I went very quiet after "
        "the call, but I'm glad I asked.",
    ),
    StoryCall(
        "copperleaf",
        ("thanks", "reason", "feedback", "questions", "reapply"),
        "What tipped the decision? Would you keep me in mind for future analyst roles?",
        "The other finalist had run experiments in a health product before. My presentation was clear, "
        "but the main result only came at the end. They would like me to apply again in spring.",
        "The hardest one so far; I had pictured myself there. The hiring manager made the call herself, "
        "which meant a lot.",
    ),
    StoryCall(
        "juniper",
        ("thanks", "reason", "feedback"),
        "Was it the level of the role?",
        "Yes. They see me as a strong mid-level analyst, but the senior post needs someone who has led "
        "stakeholder work alone. A mid-level post may open later this year.",
        "Short call, about ten minutes. I didn't get to ask everything I had written down.",
    ),
    StoryCall(
        "brightmoss",
        ("thanks", "reason", "feedback", "questions", "reapply"),
        "Which parts of the take-home task fell short? How could I get closer to an analytics engineering role?",
        "The modelling was good; the tests and documentation were thin. They pointed me to their public "
        "style guide and would be glad to hear from me again in six months.",
        "Disappointed, but steadier than in the summer. Writing the feedback down during the call helped.",
    ),
    StoryCall(
        "tallow",
        ("thanks", "reason", "questions"),
        "Is there anything you would suggest I do differently?",
        "Nothing specific. The budget for the role was lower than my expectations, so they chose someone "
        "more junior.",
        "Not much to learn about my interviewing, which is oddly a relief. Went for a walk straight after.",
    ),
)
