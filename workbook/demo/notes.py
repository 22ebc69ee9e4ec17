"""What the sample person heard and wrote: feedback, reflections, actions, support and daily notes.

Days are counted as in :mod:`workbook.demo.story`; applications are named by
their story key.  All of it is invented, in the project's own words.
"""

from __future__ import annotations

#: Feedback as heard: (application key, text, themes, confirmed by the person).
#: Praise (a strength, not something to work on) is in :data:`workbook.demo.growth.PRAISE`.
FEEDBACK: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    (
        "larkspur",
        "Your SQL was correct, but you weren't yet at ease with window functions.",
        ("technical_depth",),
        True,
    ),
    (
        "larkspur",
        "The panel found your reasoning hard to follow while you worked in silence.",
        ("communication",),
        True,
    ),
    ("larkspur", "It was a very strong field this round.", ("competition",), False),
    (
        "harbourline",
        "We were looking for someone with more experience running a Power BI service.",
        ("experience_level", "technical_depth"),
        True,
    ),
    (
        "copperleaf",
        "The other finalist had run experiments in a health product before.",
        ("experience_level", "competition"),
        True,
    ),
    (
        "copperleaf",
        "Your presentation was well structured, but the key result came only at the end.",
        ("communication",),
        True,
    ),
    ("saltmarsh", "You hadn't looked closely at our games before the interview.", ("preparation",), True),
    (
        "saltmarsh",
        "We weren't sure our very informal team would suit the way you like to work.",
        ("culture_fit",),
        False,
    ),
    (
        "juniper",
        "For the senior post we need someone who has led stakeholder work on their own.",
        ("role_fit", "experience_level"),
        True,
    ),
    (
        "quillfeather",
        "After a restructure, we are not filling this role for now.",
        ("position_closed",),
        True,
    ),
    (
        "brightmoss",
        "The data models were sound, but the tests and documentation in the task were thin.",
        ("technical_depth",),
        True,
    ),
    (
        "brightmoss",
        "Another candidate had a year of hands-on dbt work.",
        ("experience_level", "competition"),
        False,
    ),
    ("tallow", "The budget for this role is below what you are looking for.", ("salary_logistics",), True),
    ("tallow", "Nothing specific to improve on our side; it was close.", ("no_feedback",), False),
)

#: The reflection prompts the sample answers, by prompt id.
PROMPTS: dict[str, str] = {
    "after_call.feel": "How are you feeling right now? Let yourself name it without judging it.",
    "after_call.learned": "What did you learn from this process, about the role or about yourself?",
    "after_call.did_well": "What did you do well along the way?",
    "gibbs.description": "Description: what happened? Keep to the facts.",
    "gibbs.feelings": "Feelings: what were you thinking and feeling, before, during and after?",
    "gibbs.evaluation": "Evaluation: what went well, and what went less well?",
    "gibbs.analysis": "Analysis: why do you think it went that way?",
    "gibbs.conclusion": "Conclusion: what else could you have done, and what have you learned?",
    "gibbs.action_plan": "Action plan: what will you do differently next time?",
    "long_term.skills": "Which of your skills have grown over these months?",
    "long_term.people": "Who from your search are you still in touch with?",
    "long_term.clarity": "What is clearer now about the role you want next?",
}

#: Reflections: (day, hour, prompt id, application key or None, answer).
REFLECTIONS: tuple[tuple[int, int, str, str | None, str], ...] = (
    (
        24,
        16,
        "after_call.feel",
        "larkspur",
        "Flat and a bit embarrassed. I keep replaying the silent minutes.",
    ),
    (
        24,
        16,
        "after_call.learned",
        "larkspur",
        "Thinking out loud matters as much as getting the query right.",
    ),
    (62, 16, "after_call.feel", "copperleaf", "Gutted. I really wanted this one. Allowed to be sad today."),
    (
        62,
        16,
        "after_call.did_well",
        "copperleaf",
        "I reached a final round, and they want me to apply again.",
    ),
    (
        66,
        10,
        "gibbs.description",
        "copperleaf",
        "Final round at Copperleaf: a 20-minute case presentation, then questions. They chose another finalist.",
    ),
    (
        66,
        10,
        "gibbs.feelings",
        "copperleaf",
        "Excited before, rushed during, crushed after the call. Better after talking to Priya.",
    ),
    (
        66,
        10,
        "gibbs.evaluation",
        "copperleaf",
        "The analysis was solid and the team was engaged. I buried the headline result on the last slide.",
    ),
    (
        66,
        10,
        "gibbs.analysis",
        "copperleaf",
        "I built the talk in the order I did the work, not in the order they needed to hear it.",
    ),
    (
        66,
        10,
        "gibbs.conclusion",
        "copperleaf",
        "Lead with the answer, then show how I got there. Their reason was mostly experience I can't rush.",
    ),
    (
        66,
        10,
        "gibbs.action_plan",
        "copperleaf",
        "Rewrite the case study with the result first, and rehearse it with Alex before the next final.",
    ),
    (83, 17, "after_call.feel", "saltmarsh", "Annoyed with myself about the preparation, but it's fixable."),
    (
        83,
        17,
        "after_call.learned",
        "saltmarsh",
        "An hour with the product before an interview is not optional.",
    ),
    (104, 16, "after_call.feel", "juniper", "Disappointed, not crushed. It was a stretch and I knew it."),
    (
        104,
        16,
        "after_call.learned",
        "juniper",
        "I need stories where I led the work, not only helped with it.",
    ),
    (
        147,
        16,
        "after_call.feel",
        "brightmoss",
        "Sad for an afternoon. Calmer than I expected by the evening.",
    ),
    (147, 16, "after_call.did_well", "brightmoss", "They praised how clearly I walked through my task."),
    (167, 15, "after_call.feel", "tallow", "Mostly fine. It wasn't about me, and I can believe that now."),
    (
        182,
        20,
        "long_term.skills",
        None,
        "SQL window functions, putting the result first, and preparing properly for each company.",
    ),
    (
        182,
        20,
        "long_term.people",
        None,
        "Priya and Alex all the way through; the Copperleaf manager; two people from the meetup.",
    ),
    (
        182,
        20,
        "long_term.clarity",
        None,
        "I want a mid-level analyst role in a small team that ships a product, with room to learn engineering.",
    ),
)

#: Actions: (title, theme, created day, due day, done day or None, application key).
ACTIONS: tuple[tuple[str, str, int, int, int | None, str | None], ...] = (
    ("Work through fifteen window-function exercises", "technical_depth", 25, 39, 37, "larkspur"),
    ("Practise thinking aloud on two SQL problems with Sam", "communication", 26, 45, 44, "larkspur"),
    (
        "Send Copperleaf a thank-you note and ask to stay in touch",
        "position_closed",
        63,
        70,
        65,
        "copperleaf",
    ),
    ("Rewrite the case study slides with the result first", "communication", 64, 75, 72, "copperleaf"),
    ("Add the experiment case study to my portfolio", "experience_level", 64, 150, None, "copperleaf"),
    ("Spend an hour with each company's product before an interview", "preparation", 84, 95, 92, "saltmarsh"),
    ("Write three stories about leading work with stakeholders", "role_fit", 106, 120, 131, "juniper"),
    ("Ask Alex for a practice interview about leading projects", "role_fit", 106, 200, None, "juniper"),
    (
        "Add tests and documentation to my dbt practice project",
        "technical_depth",
        148,
        170,
        None,
        "brightmoss",
    ),
    ("Decide my salary range before the next screening call", "salary_logistics", 168, 175, 171, "tallow"),
)

#: Support: (day, who, how much it helped 1-5, note).
SUPPORT: tuple[tuple[int, str, int, str], ...] = (
    (
        25,
        "Priya (friend)",
        5,
        "Long call. She reminded me how many interviews she had before her current job.",
    ),
    (42, "Mum", 4, "She didn't try to fix it, just listened."),
    (63, "Priya (friend)", 5, "Dinner and a film. Didn't talk about jobs at all, which was perfect."),
    (64, "Alex (former manager)", 4, "Helped me see the presentation feedback as something I can practise."),
    (85, "Job seekers' meetup", 3, "Good to hear I'm not the only one. A bit tiring."),
    (105, "Alex (former manager)", 5, "Talked through what 'senior' means in practice; left with a plan."),
    (126, "Sam (housemate)", 3, "Quick chat over breakfast."),
    (148, "Priya (friend)", 4, "Voice notes back and forth all evening."),
    (150, "Jo (careers adviser)", 5, "Went through my stories and my salary range together."),
    (168, "Sam (housemate)", 4, "Walk by the river after the call."),
    (178, "Mum", 5, "Told her about the offer. She cried, I laughed."),
)

#: A few words people write on an ordinary day, used now and then.
DAILY_NOTES: tuple[str, ...] = (
    "Long walk this afternoon; head feels clearer.",
    "Slow day. Tidied my CV a little.",
    "Coffee with Sam; felt lighter after.",
    "Couldn't focus, so I stopped early and cooked something nice.",
    "Finished a module of the SQL course.",
    "Rainy, stayed in, read most of the afternoon.",
    "Sent two applications and then closed the laptop.",
)
