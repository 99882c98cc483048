"""Year-derived phrases (five-year-plan period 十四五, phase 开局之年 …) from templates/phrases.j2,
and the rewriting of such phrases typed literally for one year into another year's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


_PERIOD_NAME = r"(?:十[一二三四五六七八九]?|[一二三四五六七八九])五"
_PERIOD_MENTION = re.compile(rf"[“\"]?({_PERIOD_NAME})[”\"]?(?=规划|计划|时期|期间)")


@dataclass(frozen=True)
class YearPhrases:
    """What phrases.j2 computes for one year: period (十四五 or ""), phase (开局之年 or ""), and
    the phase names of a period in order."""

    year: int
    period: str
    phase: str
    phases: tuple[str, ...]


def year_phrases(year: int, env) -> YearPhrases:
    """Return the phrases templates/phrases.j2 computes for ``year``.

    Raises ToolError when the template is missing or fails.
    """
    from generator.document.templating import run_template

    def phrases(template) -> YearPhrases:
        try:
            module = template.make_module({"year": year})
        except Exception:
            env.handle_exception()      # as render() does: the traceback shows template lines
        return YearPhrases(year, str(module.period), str(module.phase),
                           tuple(str(p) for p in module.phases))
    return run_template(env, "phrases.j2", phrases)


class PhraseRewriter:
    """Rewrites “P”规划H (P, H: the old year's period and phase) into the new year's, and
    names the phrases it leaves for a person to judge."""

    def __init__(self, old: int, new: int, env):
        self.old, self.new = year_phrases(old, env), year_phrases(new, env)
        o = self.old
        self._exact = None
        if o.period and o.phase and self.new.period and self.new.phase:
            self._exact = re.compile(rf"([“\"]?){o.period}([”\"]?)(规划|计划|时期)?(的)?{o.phase}")
        words = "|".join(map(re.escape, o.phases + self.new.phases))
        self._phase_word = re.compile(words) if words else None

    def _replace(self, match: re.Match) -> str:
        q1, q2, kind, de = (g or "" for g in match.groups())
        return f"{q1}{self.new.period}{q2}{kind}{de}{self.new.phase}"

    def rewrite(self, text: str) -> str:
        """Return ``text`` with the old year's period-and-phase phrase made the new year's."""
        return self._exact.sub(self._replace, text) if self._exact else text

    def review(self, text: str) -> list[str]:
        """Return the reasons (Chinese) why ``text`` needs a person's check: a phrase was
        rewritten, or a period or phase word remains that rollover did not change."""
        reasons = []
        rest = text
        if self._exact and self._exact.search(text):
            found = self._exact.search(text)[0]
            reasons.append(f"已将{found}改为{self._exact.sub(self._replace, found)}，请核对提法")
            rest = self._exact.sub("", text)
        stale = [m[1] for m in _PERIOD_MENTION.finditer(rest)
                 if m[1] == self.old.period != self.new.period]
        if self._phase_word:
            stale += [m[0] for m in self._phase_word.finditer(rest)]
        if stale:
            words = "、".join(dict.fromkeys(stale))
            reasons.append(f"含有与年份相关的用语“{words}”，请核对是否仍适用于{self.new.year}年")
        return reasons
