"""The subject of a Council decision, from keywords of its title.

A coarse, documented coding (first match wins; "Other" otherwise), not WPDL's (which covers
vetoed drafts to 2022 only).
"""

from __future__ import annotations

__all__ = ["SUBJECT_KEYWORDS", "SUBJECTS", "subject_of"]

#: Title keywords → subject (case-insensitive, first match wins).
SUBJECT_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Admission and appointments", ("admission", "appointment of the secretary-general",
                                    "secretary-general of the united nations",
                                    "international court of justice", "election of",
                                    "date of election", "vacancy", "new members",
                                    "membership in the united nations")),
    ("Middle East", ("israel", "palestin", "middle east", "lebanon", "syria", "golan",
                     "jerusalem", "iraq", "kuwait", "iran", "yemen", "jordan", "gaza",
                     "suez", "egypt", "arab", "unef", "disengagement observer", "undof", "unifil",
                     "untso", "unikom", "unami", "unmovic", "unscom", "hariri", "oil-for-food")),
    ("Africa", ("africa", "congo", "sudan", "somalia", "namibia", "rhodesia", "angola",
                "mozambique", "liberia", "sierra leone", "côte", "cote", "ivoire", "rwanda",
                "burundi", "mali", "libya", "sahara", "ethiopia", "eritrea", "chad", "guinea",
                "senegal", "zambia", "botswana", "lesotho", "benin", "uganda", "tanzania",
                "seychelles", "comoros", "mauritania", "zimbabwe", "great lakes", "sahel",
                "tunisia", "darfur", "abyei", "unita", "minurso", "monusco", "monuc", "unmiss",
                "unmis", "unamid", "unisfa", "minusma", "minusca", "unmil", "unoci", "unamsil",
                "unomsil", "unamir", "unavem", "onumoz", "unmee", "amisom", "unsom", "onub",
                "uganda", "kenya", "gambia", "nigeria", "cameroon", "niger")),
    ("Europe", ("bosnia", "yugoslav", "croatia", "kosovo", "cyprus", "georgia", "ukraine",
                "greek", "greece", "trieste", "hungary", "czechoslovak", "berlin", "albania",
                "macedonia", "serbia", "spain", "spanish", "abkhazia", "balkan", "corfu",
                "unficyp", "unprofor", "unmik", "unomig", "unmop", "prevlaka", "sfor", "kfor",
                "eufor", "moldova", "armenia", "azerbaijan", "unpredep", "protection force")),
    ("Asia and the Pacific", ("korea", "afghanistan", "cambodia", "kampuchea", "timor",
                              "india", "pakistan", "kashmir", "viet", "laos", "myanmar",
                              "nepal", "tajikistan", "indonesia", "bangladesh", "thailand",
                              "china", "formosa", "taiwan", "bougainville", "papua",
                              "hyderabad", "bahrain", "unmogip", "unmot", "unama", "unmit", "untaet",
                              "taliban", "sri lanka", "philippines", "solomon")),
    ("Americas", ("haiti", "cuba", "panama", "nicaragua", "guatemala", "el salvador",
                  "colombia", "grenada", "dominican", "falkland", "malvinas",
                  "central america", "venezuela", "honduras", "caribbean", "minustah", "unmih",
                  "binuh", "minujusth", "mexico", "chile", "argentina", "guyana", "belize")),
    ("Thematic", ("terroris", "non-proliferation", "weapons", "nuclear", "child",
                  "women", "civilians", "peacekeeping", "climate", "small arms", "sanctions",
                  "threats to international peace", "maintenance of international peace",
                  "piracy", "humanitarian", "tribunal", "justice", "sexual violence",
                  "explosives")),
)


def subject_of(title: str) -> str:
    """The subject of a decision with this title (:data:`SUBJECT_KEYWORDS`)."""
    low = (title or "").lower()
    for name, words in SUBJECT_KEYWORDS:
        if any(w in low for w in words):
            return name
    return "Other"


#: Every subject, in the order of :data:`SUBJECT_KEYWORDS`, then "Other".
SUBJECTS: tuple[str, ...] = tuple(name for name, _ in SUBJECT_KEYWORDS) + ("Other",)
