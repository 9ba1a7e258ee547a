"""Remote policy, visa sponsorship, employment type and minimum years of experience."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from kyujin.core.facts.grades import GRADE, advertised
from kyujin.core.facts.languages import line_at, section_kind, sentence_start
from kyujin.core.model import EmploymentType, Remote, Span
from kyujin.core.prefilter import Dispatched, Presence, dispatched, prefiltered
from kyujin.core.roles import blank, opens_a_bracket, quoted_speech, said_of_others
from kyujin.core.sections import Sections
from kyujin.core.text import line_end as _line_end
from kyujin.core.triggers import TRIGGERS, Triggers, finditer_in, search_in

# Remote: specific phrases first; an office-visit cue turns "full" into "hybrid".
_DAY = r"(?:[1-4]|(?<![a-z])(?:one|two|three|four)(?![a-z]))"
_DAYS = _DAY + r"(?:\s?(?:-|~|to|or)\s?" + _DAY + r")?"  # office days in a week short of five
_JA_DAYS = r"\d(?:\s?[~\-]\s?\d)?"
_JA_WEEK_DAYS = r"[1-4](?:\s?[~\-]\s?[1-4])?"  # days a week short of five
_REMOTE_FULL = dispatched(
    r"フルリモート|フルリモ|完全リモート|完全在宅|完全に(?:リモート|在宅)|フル在宅|完全テレワーク|フルテレワーク|全国どこでも"
    r"|(?:原則|基本(?:的に)?(?:は)?)(?:フル)?(?:リモート|在宅|テレワーク)|リモートワーク(?:のみ|100%)"
    r"|在宅勤務(?:のみ|100%)|(?:出社|通勤)(?:は)?(?:一切)?(?:なし|不要|ありません)"
    r"|fully[- ]remote|full[- ]remote|100%\s?remote|remote[- ]first|work from anywhere"
    r"|(?:live and )?work anywhere in japan"
    r"|remote only|remote \(japan\)|remote within japan|remote \(anywhere|completely remote"
    r"|entirely remote|(?:full[- ]time|permanent(?:ly)?|100%) remote|remote[- ]only"
    r"|(?:this|the) (?:is a |role is |position is )?(?:remote (?:role|position|job))"
    r"|no (?:need to|requirement to) (?:come|commute) to (?:the|an|our) office"
    r"|remote\s?[-–—/,]\s?japan\b|(?:whole|entire) team works (?:from home|remotely)"
    # "This position is remote and open only to …", "There is no office to attend"
    r"|\b(?:this|the) (?:position|role|job) is (?:fully |entirely |100% )?remote\b"
    r"(?![- ](?:friendly|ok|possible|first|eligible|optional|with|but|except|for|on|after|during"
    r"|up|in\b))"
    # (not "There is no office dress code")
    r"|\bthere is no office(?: to (?:attend|commute to|go to|visit))?(?=\s?(?:[.,;!)\n]|$))"
    # "We have no office anywhere: the company is fully distributed"
    r"|\bwe (?:have no|don['’]t have an?|do not have an?) (?:physical )?offices?"
    r" (?:anywhere|at all)(?=\s?(?:[.,;:!)\n]|$))"
    r"|\b(?:company|team|we) (?:is|are) (?:a )?fully distributed\b"
    r"|fully distributed (?:company|team)"
)
_WEEK = r"(?:(?:a|per|each|every) |/\s?)week"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri)days?"
# Labels of a remote-work field: "Remote: OK", "Work from home: not available".
_HOME = r"(?:remote(?: work)?|work(?:ing)? from home|wfh|telework(?:ing)?|telecommut(?:e|ing))"


def _home_below(values: str) -> str:
    """Such a label as a heading with one of ``values`` alone on the next line or before an
    aside ("■Remote work\nNot possible (…)"; not "remote work\nAvailable positions")."""
    return _HOME + rf"[ \t]*\n[ \t]*(?:{values})(?=[ \t]*(?:[(（.。]|\n|$))"


_IN_OFFICE = r"(?:in|at)[- ](?:the |our )?office"
# "Hybrid" naming a technology, not a way of working: hybrid cloud, hybrid-cloud, ハイブリッド
# クラウド, hybrid apps, "hybrid and multi-cloud" ("hybrid work", ハイブリッド勤務 still count).
_TECH_HYBRID = (
    r"(?![- ・]?(?:cloud|クラウド|multi|マルチ|on-?prem|オンプレ|infra|インフラ|architecture"
    r"|アーキテクチャ|environments?\b|環境|network|ネットワーク|search|検索|deploy|integration"
    r"|storage|app(?:s|lications?)?\b|アプリ|mobile|モバイル|vehicles?\b|cars?\b|車|engine|エンジン)"
    r"|\s?(?:and|or|/|&|,|、|・)\s?(?:multi|マルチ|on-?prem|オンプレ|public|private|パブリック"
    r"|プライベート))"
)
_REMOTE_HYBRID = dispatched(
    r"ハイブリッド" + _TECH_HYBRID + r"|(?:リモート|テレワーク)(?:ワーク)?"
    r"(?:可|ok|併用|あり|と出社|勤務可|制度あり|中心|メイン|主体)"
    r"|在宅(?:勤務)?(?:可|併用|あり|制度(?!(?:は|が)?(?:現在|現状|現時点で(?:は)?|今のところ)?(?:なし|無し|ありません|ない|なく))|中心|メイン|主体|ok)"
    r"|一部リモート|出社とリモート|リモートと出社|リモ(?:可|ok|あり)"
    # "…, remote on the other days", "the remaining days from home"
    r"|\bremote (?:on )?(?:the )?(?:other|remaining|rest of the) days\b"
    r"|\b(?:the )?(?:other|remaining) days (?:remote|from home|at home)\b"
    # code-switched: "shukkin 2 days a week", "Zaitaku OK up to 3 days"
    r"|出社\s?[1-4]\s?days?\s?(?:a|per|/)\s?week|(?:リモート|在宅|テレワーク)\s(?:ok|可)\b"
    # "オフィスに週2日集まり、それ以外はリモート", "Most of us mix days at the office with
    # days at home"
    r"|(?:それ以外|その他|そのほか|ほか|他|残り)(?:の日)?は(?:リモート|在宅|自宅)"
    r"|\bmix(?:es|ing)? days (?:at|in) the office (?:with|and) days (?:at|from) home"
    # a field's value: "在宅勤務：制度あり（規程による）", "＜テレワーク＞週1日まで可"
    r"|(?:在宅|テレワーク|リモート)(?:ワーク|勤務)?(?:制度)?\s?[:：>＞】\]]\s?(?:制度)?"
    r"(?:あり|有り|有|可(?!能性)|週\s?[1-4]\s?日(?:まで|程度|以内)?(?:可|ok|利用可)?)"
    # office days with their weekday in brackets: "週1日（水曜）目黒オフィス出社"
    r"|週\s?[1-4]\s?(?:日|回)\s?\([^)\n]{1,8}\)[^。、\n]{0,12}?出社"
    # remote as a rule with office weeks: "普段はリモート勤務ですが、…企画週は…出社します",
    # "Normally remote, but you come to the Sendai office for a planning week"
    r"|(?:普段|通常|基本的に|基本)は(?:リモート|在宅)(?:勤務)?(?:ですが|だが|で)[^。\n]{0,40}?出社"
    r"|\b(?:normally|usually|mostly) remote\b[^.\n]{0,20}\bbut\b[^.\n]{0,30}?\b(?:come|go|travel) "
    r"(?:in)?to (?:the |our )?(?:[a-z]+ )?office"
    # a table's remote field: "| 在宅勤務 | 入社3ヶ月後から週2日まで可 |"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?\s?\|\s?[^|\n]{0,15}?週\s?[1-4]\s?日(?:まで|程度)?(?:可|ok)"
    r"|出社と(?:在宅|テレワーク)|(?:在宅|テレワーク)(?:勤務)?と出社"
    # the days before their place, as translations write them: "オフィスで週4日、自宅で週1日"
    r"|(?:オフィス|自宅|在宅)で\s?週\s?[1-4]\s?日"
    r"|週\s?" + _JA_WEEK_DAYS + r"\s?(?:日|回)?(?:は|程度)?(?:の)?(?:オフィス|出社)"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:も)?(?:相談可|応相談|相談ok)"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:も|が)?可能"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:制度)?\s?(?:[:：】\]]|\n)\s?(?:可|あり|有|ok|週|月|一部)"
    r"|週\s?" + _JA_WEEK_DAYS + r"\s?(?:日|回)(?:は|程度|ほど)?[^。、\n]{0,12}?(?:に|へ)出社"
    # set office weekdays, fewer than five: "出社日：火・木", "月・水は出社"
    r"|出社日\s?[:：]?\s?[月火水木金](?:曜日?)?(?:\s?[・、/]\s?[月火水木金](?:曜日?)?){0,3}(?![・、/]\s?[月火水木金])"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:制度)?\s?[:：】\]]\s?(?:相談可|応相談|要相談|相談)"
    r"|週\s?"
    + _JA_WEEK_DAYS
    + r"\s?(?:日|回)?(?:程度|まで|以内)?(?:の)?(?:出社|リモート|在宅|常駐)"
    r"|月\s?" + _JA_DAYS + r"\s?(?:日|回)(?:程度)?(?:の)?出社"
    r"|出社(?:は|頻度)?[:：]?\s?(?:月\s?" + _JA_DAYS + r"|週\s?" + _JA_WEEK_DAYS + r")\s?(?:日|回)"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:制度)?\s?[(（]\s?(?:週|月)\s?\d"
    # "リモートワーク一部可（毎週木曜は…出社）"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:も)?一部(?:可|ok|あり|導入|利用可)"
    # remote a few times a month: "リモートは月数回まで可"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:は|も)?\s?月\s?(?:数|\d{1,2})\s?(?:日|回)"
    r"(?:まで|程度|以内)?(?:は)?(?:可|ok|利用可)"
    # "テレワーク週3日までOK", "WFH 週3日OK"
    r"|(?:リモート|在宅|テレワーク|wfh)(?:ワーク|勤務)?\s?(?:は)?\s?週\s?"
    + _JA_WEEK_DAYS
    + r"\s?(?:日|回|(?![\d日回時]))"
    r"|remote\s?/\s?office|office\s?/\s?remote"
    r"|"
    + _HOME
    + r"(?: allowed| ok| possible)?\s?[:：]?\s?(?:up to |about )?"
    + _DAYS
    + r"\s?days?"
    r"|hybrid"
    + _TECH_HYBRID
    + r"|remote[- ](?:ok|friendly|possible|allowed|available|option|work (?:is )?"
    r"(?:available|possible|allowed|ok))|partially remote|partial remote|partly remote"
    r"|" + _HOME + r"\s?[:：\]】>]\s?(?:ok|yes|available|possible|allowed|partial)"
    # a heading with its value on the next line: "■Remote work\nPossible (full remote is …)"
    r"|"
    + _home_below("ok|yes|available|possible|allowed|partial")
    + r"|"
    + _DAYS
    + r"\s?days? "
    + _WEEK
    + r" (?:in|at|from) (?:the |our )?office"
    r"|" + _DAYS + r"\s?days? " + _IN_OFFICE + r"|(?<!no )office (?:visits?|days?)"
    r"|" + _IN_OFFICE + r" " + _DAYS + r"\s?days?"
    r"|\d\s?(?:days?|times?) (?:a|per) month (?:in|at) (?:the |our )?office"
    r"|remote " + _DAYS + r"\s?days|" + _DAYS + r"\s?days? (?:remote|from home|wfh)"
    r"|" + _DAYS + r"\s?(?:remote|wfh|work[- ]from[- ]home|home[- ]office) days?"
    # Set weekdays in the office or at home: "in the office on Tuesdays", "WFH on Fridays".
    r"|(?:(?:in|at|to) (?:the |our )?office|office days?|in[- ]person|on[- ]?site|come in"
    r"|remote(?:ly)?|from home|wfh)\b[^.;\n]{0,50}?\bon "
    + _WEEKDAY
    + r"|"
    + _WEEKDAY
    + r"(?: and "
    + _WEEKDAY
    + r")? (?:in|at) (?:the |our )?office"
    r"|(?:work|working) (?:from home|remotely) (?:up to |about |around )?" + _DAYS + r"\s?days?"
    r"|(?:can|may) work (?:from home|remotely)|flexible remote|mix of (?:remote|office)"
    r"|(?:mostly|mainly|primarily|largely) remote"
    r"|(?:ほかの|他の)\s?日は\s?(?:いえ|家)で\s?(?:しごと|仕事)"
    r"|週\s?"
    + _JA_WEEK_DAYS
    + r"\s?日(?:まで|程度|ほど)?\s?(?:いえ|家|自宅)で\s?(?:しごと|仕事|勤務)"
    # "Telework is available after 1 month", "Work from home is possible"
    r"|(?:telework(?:ing)?|work(?:ing)? from home|wfh) (?:is |are )?(?:also )?"
    r"(?:available|possible|allowed|ok|okay|permitted)"
    # "office at least one day a week; the other days can be remote"
    r"|(?:the )?(?:other|remaining|rest of the) (?:days?|time)\b[^.;\n]{0,20}?"
    r"\b(?:remote(?:ly)?|from home|wfh)\b"
    r"|(?:can|may) be (?:done |worked )?remote(?:ly)?\b"
    # days that may be worked at home: "Monday and Friday may be worked from home"
    r"|\b(?:" + _WEEKDAY + r"|(?:other|remaining) days|the rest of the week)\b[^.;\n]{0,30}?"
    r"(?:can|may) be (?:worked|spent) (?:remotely|from home|at home)\b"
    # set office weekdays, fewer than five: "In-office Tue–Thu", "in office Mon-Wed"
    r"|in[- ]office (?:on )?(?:mon[a-z]*\s?[-–—~]\s?(?:tue|wed|thu)"
    r"|(?:tue|wed|thu)[a-z]*\s?[-–—~]\s?(?:wed|thu|fri))"
    # "one day per week may be taken as a work-from-home day"
    r"|\b(?:one|two|three|[1-3]) days? (?:a|per|each) week (?:may|can) be (?:taken|worked|spent)"
    r" (?:as )?(?:an? )?(?:remote|wfh|work[- ]from[- ]home|home[- ]office|from home|at home)"
    r"|come (?:in)?to (?:the |our )?(?:[a-z]+ )?office (?:once|twice|(?:one|two|three|\d) times?)"
    r" (?:a|per|every) (?:week|month)"
    # "the team meets in person one day per week"
    r"|\b(?:meet|meets|get together|gets together|gather|gathers|work|works) in[- ]person "
    r"(?:once|twice|(?:one|two|three|[1-4]) (?:days?|times?)) (?:a|per|every|each) (?:week|month)\b"
    r"|(?:office|on-?site) (?:attendance|presence)[^.\n]{0,15}?" + _DAYS + r"\s?(?:days?|times?)"
    # "Onsite 3 days a week; remote work on the other days"
    r"|on[- ]?site " + _DAYS + r"\s?days? " + _WEEK
)
_REMOTE_ONSITE = dispatched(
    r"(?:リモート|テレワーク)(?:ワーク)?(?:不可|なし|無し)|在宅(?:勤務)?(?:不可|なし)|フル出社"
    # code-switched: "リモートはNG", "Zaitaku: none. Shukkin mainichi", "出社 mainly"
    r"|(?:リモート|テレワーク|在宅)(?:ワーク|勤務)?(?:は|も)?\s?ng(?![a-z])"
    r"|(?:リモート|テレワーク|在宅)(?:ワーク|勤務)?\s?[:：]\s?(?:none|no)\b"
    r"|出社\s?(?:は)?\s?(?:毎日|mainly|basically|only|every ?day)"
    # "在宅勤務：顧客情報を取り扱うため不可"
    r"|(?:在宅|テレワーク|リモート)(?:ワーク|勤務)?(?:制度)?\s?[:：][^\n可]{0,20}?不可"
    # "勤務は原則として院内での出勤となります": inside the premises
    r"|(?:院内|庁内|学内|構内|施設内|工場内)(?:で|での)(?:勤務|出勤|作業)"
    r"|on[- ]campus (?:position|role|job)|(?:position|role|job) is on[- ]campus"
    r"|出社(?:必須|のみ|勤務)|常駐|客先常駐|出社\s?[(（]\s?週\s?5\s?日"
    # (a form's field padded with spaces: "在宅勤務　　　不可（サテライトオフィスに出勤）")
    r"|(?:リモート|テレワーク|在宅)(?:ワーク|勤務)?(?:の)?(?:制度)?(?:は|の)?[ \t]{0,8}"
    r"(?:現在|現状|現時点で(?:は)?|今のところ)?"
    # ("在宅勤務制度はなく、本部での勤務となります")
    r"(?:ありません|ございません|なし|無し|なく(?=[、,，])|できません|不可|対象外|(?:行って|実施して)(?:いません|おりません|おらず)"
    r"|(?:は)?認められていません|(?:は)?認めていません)"
    r"|(?:does not|doesn['’]t|do not|don['’]t) allow (?:[a-z]+ ){0,3}to work (?:remotely|from home)"
    r"|全員(?:が)?出社"
    # job-board and export fields: "Work Location: In person", "workplace_type": "on_site"
    r"|work(?:place)? location\s?[:：]\s?in[- ]person|workplace_type\"?\s?:\s?\"?on[_-]?site"
    r"|(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:制度)?\s{0,8}(?:[:：】\]]|\n)\s?(?:不可|なし|無し|×)"
    r"|オフィスで\s?週\s?5\s?日|(?:オフィス|本社|事業所)(?:で|での)勤務(?:となります|になります)|原則出社|原則(?:として|的に)[、,]?\s?(?:出社|オフィス)(?:での|で)?(?:の)?勤務|週\s?5\s?日(?:の)?出社|出社(?:は)?[:：]?\s?(?:原則)?\s?週\s?5|[】:：>\t]\s?(?:オフィス|本社|事業所)?出社(?!\s?週\s?[1-4]|\s?[1-4]\s?(?:days?|日|回))(?:[(（\s/／｜|]|$)"
    r"|(?:完全|全日)出社|(?:全日|毎日|常時)(?:客先|オフィス|本社)(?:へ|に)?出社|毎日(?:の)?出社(?!の必要|する必要|は(?:不要|必要|ありません)|不要|ではな|では"
    r"ありません)|出社(?:が|を)?(?:基本|前提)(?!と(?:しない|せず|していません|はしていません))"
    r"|on[- ]?site(?! (?:visit|interview|meeting|lunch|tour|event)s?\b| "
    + _DAYS
    + r"\s?days? "
    + _WEEK
    + r")"
    r"|in[- ]office only|office[- ]based|office[- ]first|no remote|not remote"
    r"|in[- ]office (?:on )?mon(?:day)?\s?[-–—~]\s?fri(?:day)?\b"
    r"|(?:monday to friday|every (?:week)?day) (?:in|at|from) (?:the |our )?(?:[a-z]+ )?office"
    r"|(?:in|at|from) (?:the |our )?(?:[a-z]+ )?office,? (?:monday to friday|every (?:week)?day)"
    # やさしい日本語, words spaced: "いえで しごとは できません", "在宅勤務は ありません"
    r"|(?:いえ|家)\s?で\s?(?:の\s?)?しごと\s?(?:は|を)?\s?(?:できません|しません|ありません)"
    r"|(?:まいにち|毎日)\s?(?:会社|オフィス)に\s?(?:来|き)て"
    # "Work at office basically", "Basically, work in the office"
    r"|work (?:at|in) (?:the |our )?office basically|basically,? (?:work |working )?(?:at|in) "
    r"(?:the |our )?office"
    r"|remote (?:work )?(?:is )?not (?:available|possible|allowed|offered|an option|permitted)"
    r"|" + _HOME + r"\s?[:：\]】>]\s?(?:it is |it's )?(?:no|not available|not possible|not allowed"
    r"|not permitted|none|n/a|not introduced|not adopted"
    r"|impossible|不可)\b"
    # a heading with its value alone on the next line: "■Remote work\nNot possible (…)"
    r"|"
    + _home_below("no|not available|not possible|not allowed|none|n/a|impossible")
    + r"|office work every day|work (?:in|at) (?:the )?office every day"
    r"|in[- ](?:office|person) (?:role|position|job)"
    r"|(?:role|position|job) is (?:fully |entirely )?(?:in[- ]office|in[- ]person|office[- ]based)"
    r"|office (?:(?:5|five) days|every (?:week)?day)"
    r"|(?:5|five) days? (?:" + _WEEK + r" )?" + _IN_OFFICE + r"|fully in[- ](?:the |our )?office"
    r"|" + _IN_OFFICE + r" (?:5|five) days|in the office full[- ]time"
)
_OFFICE_VISIT = re.compile(
    # (not "出社時のみ精算", "出社する場合は": a visit that may happen, not one that is asked)
    r"出社(?!時|する場合|の際|なし|不要|無し|の(?:必要|予定)(?:は)?(?:一切)?(?:なし|ありません|ない)"
    r"|は(?:不要|ありません|なし|一切)"
    r"|(?:の)?義務(?:は)?(?:なし|無し|ありません|はありません|なく|ない)|日の設定(?:は)?(?:なく|なし|ありません)"
    # "出社先はなく", "出社も求めません": no one is asked to come
    r"|先(?:は|が)?(?:なく|なし|無し|ありません|ない)|(?:は|も)(?:求めません|求めない|求めず|ありません))"
    r"|(?<!no )office visits?|in (?:the )?office|visit the office|(?<!no )in[- ]person days?\b"
    r"|on[- ]site (?:once|twice|one|two|three|\d) (?:days? )?(?:a|per|every)\b"
    r"|(?:meet|meet up|gather|get together) (?:at|in) (?:the |our )?(?:[a-z]+ )?office"
    r"|(?<!バーチャル)オフィス(?!なし|(?:は|も)ありません|(?:に|へ)(?:来る|行く|通う|出社する)必要(?:は)?(?:ありません|ない|なし)|(?:へ|への|に|の)?(?:出社|出勤)(?:は|も)?(?:なし|無し|不要|ありません|求めません|求めない)"
    r"|(?:は|を)?(?:持っていません|持たない|持たず|ありません|解約|閉鎖|廃止|撤廃|なく|ない)"
    # the office's address as a field: "フルリモート（オフィス：東京都文京区本郷）"
    r"|(?:所在地)?\s?[:：]"
    # the office only named: "オフィスは世田谷区の本社", "オフィスは渋谷にあります"
    r"|(?:は|の場所は)[^。\n、(（]{0,15}?(?:の本社|にあります|にある|です)(?=[)）。\n、が]|$))"
    r"|come (?:in)?to (?:the |our )?(?:[a-z]+ )?office"
)
_EXPLICIT_FULL = ("フル", "完全", "full", "100%")
# An office the remote worker may use but need not visit: 出社も可, "optional office".
OPTIONAL_VISIT = prefiltered(
    r"出社(?:の)?義務(?:は)?(?:なし|無し|ありません|はありません|なく|ない)|"
    r"出社(?:する)?(?:こと)?も(?:可|ok|でき|歓迎|自由)|出社(?:は|も)?(?:任意|自由|希望制)|任意(?:で|の)?出社"
    r"|(?:オフィス|本社|拠点)(?:の)?(?:利用)?(?:は|も)?(?:任意|自由)"
    r"|希望(?:者|に応じて|すれば)(?:は)?[^。\n]{0,10}?(?:出社|利用)"
    r"|optional|if you (?:want|like|wish|prefer)"
    r"|(?:オフィス|本社|拠点)?(?:の)?利用(?:も)?(?:可|ok|できます|可能)"
    # a visit on joining only: "入社初日のみ出社", "first week only"
    r"|(?:入社)?初(?:日|週)(?:のみ|だけ)|入社(?:時|直後)(?:のみ|だけ)"
    # a 案件's one-off meeting: "キックオフ当日のみ恵比寿オフィスへ出社", "参画初日のみ"
    r"|(?:キックオフ|kick-?off|顔合わせ|参画初日|初回)(?:当日|時|の日)?(?:のみ|だけ)"
    # the first month of onboarding only: "フルリモート（初月のみ出社）"
    r"|(?:参画|入社)?(?:初月|最初の\s?(?:1|一)\s?(?:か|ヶ|カ|ケ)月)(?:間)?(?:のみ|だけ)"
    r"|(?:first|1st) (?:day|week) only"
    r"|only (?:on|for|during) (?:the |your )?(?:first|1st) (?:day|week)"
    # "来たい人はいつでもどうぞ", "来なくてOK"
    r"|来たい(?:人|方)は|いつでも(?:どうぞ|歓迎)|来なくて(?:ok|いい|よい|大丈夫|も)"
    r"|(?:no|not|don['’]t|do not|never) (?:any )?need to (?:come|go|visit|commute)"
    r"|(?:never|not) (?:be )?(?:asked|required|expected) to (?:come|go|visit|commute)"
    r"|you (?:may|can) (?:also )?(?:use|come|work from|visit)"
    r"|welcome to (?:use|come|visit|work from)"
)

# A step of getting a visa, in translated English: "support the acquisition of the visa",
# "support for the application of a working visa".
_VISA_STEP = (
    r"(?:(?:acquisition|acquiring|obtaining|obtainment|application|applying|renewal|procedures?"
    r"|change)(?: of| for) (?:the |a |your )?)?"
)
_VISA_NO = dispatched(
    r"日本(?:国内)?在住(?:者|の方)?(?:のみ|限定|に限る|に限ります|が条件|必須|であること)"
    r"|国内在住(?:者|の方)?(?:のみ|限定|に限る|に限ります|が条件|必須|であること)"
    # a place or remote field qualified by residence: フルリモート（日本国内在住の方）
    r"|[(（]\s?(?:日本)?(?:国内)?在住(?:者|の方)(?:のみ|限定)?\s?[)）]"
    # a note inside the field: "（出社なし／居住地不問 ※日本国内在住の方）"
    r"|※\s?(?:日本)?国内在住(?:者|の方)(?:のみ|限定|に限る|に限ります)?(?=\s?(?:[)）。\n]|$))"
    r"|(?:日本)?国内(?:に|で)?(?:お住まい|在住|居住)(?:して|されて)?(?:いる)?(?:の方|方|者)"
    r"(?:に限ります|に限る|のみ|限定)"
    # "日本在住で就労制限のない方": already holding a status without work restrictions
    r"|就労制限(?:の|が)(?:ない|無い|ありません)(?:方|在留資格)"
    # "（ビザ・在留資格はご自身で保有されていること）": the applicant's own visa, not the employer's
    # (not "ビザ申請書類はご自身でご用意ください": documents for a visa the employer sponsors)
    r"|(?:ビザ|在留資格)(?:[・/／](?:ビザ|在留資格))?(?:は|を)?(?:ご自身|ご自分|自分|各自)で(?:保有|お持ち)"
    # "日本国内在住で、日本の銀行口座をお持ちの方": residence as a condition of the applicant
    r"|(?:日本)?国内在住で[、,]?[^。\n]{0,30}?(?:の方|方)(?=\s?(?:[(（。\n]|$))"
    # an item of the requirements: "・日本国内に居住している方"; "海外からの応募はお受けして
    # いません"
    r"|(?:^|\n)[ \t・\-*]*(?:日本)?国内に(?:お住まい|在住|居住)(?:して|されて)?(?:いる|の)方"
    r"\s?(?=[(（\n]|$)"
    r"|海外(?:在住の方|にお住まいの方)?(?:から|より)の(?:ご)?応募(?:は|について)?\s?(?:お受けして"
    r"|受け付けて|受付して)(?:いません|おりません)"
    # "海外在住の方の応募は受け付けておりません"
    r"|海外(?:在住|居住)(?:の方|者)(?:の|から|からの)(?:ご)?応募(?:は)?\s?(?:お受けして|受け付けて"
    r"|受付して)(?:いません|おりません)"
    r"|ビザ(?:の)?(?:サポート|支援|スポンサー|取得支援)(?:は)?\s?[:：]?\s?(?:なし|無し|無(?=[)）\s|/]|$)|不可|対象外"
    r"|(?:行って|して)(?:いません|おりません))"
    r"|(?:就労)?ビザ(?:を)?(?:お持ち|保有|所持|取得済み)(?!でない|ではない|していない)"
    # "ビザの新規取得・変更のサポートは行っておりません", "ビザのスポンサーはいたしかねます"
    r"|ビザ[^\n。]{0,15}?(?:サポート|支援|スポンサー)(?:は|を)?\s?(?:行って|して|いたして)?"
    # (spoken: "ビザサポートはできないです", "ビザのスポンサーは難しいです")
    r"(?:いません|おりません|できません|できない|できかね|いたしかねます|しかねます|ありません|なし"
    r"|難しい)"
    r"|ビザ[^\n。]{0,15}?(?:サポート|支援|スポンサー)(?:は|を)?\s?(?:行い|いたし|し)ません"
    # translated: "ビザのスポンサーシップは提供されません", "ビザサポートは提供していません"
    r"|ビザ[^\n。]{0,15}?(?:サポート|支援|スポンサー(?:シップ)?)(?:は|を)?\s?(?:提供|実施|対応)"
    r"(?:されません|していません|しておりません|できません|いたしません|しません)"
    # code-switched: "ビザsponsorshipは今回できません"
    r"|(?:ビザ|visa)\s?sponsor(?:ship)?(?:は|が)?[^。\n]{0,6}?(?:できません|不可|なし|無し)"
    r"|ビザ(?:サポート)?(?:\s?[:：】]|\t)\s?(?:サポート|支援|スポンサー)?(?:シップ)?\s?"
    r"(?:なし|無し|不可|対象外|×)"
    r"|(?:在留資格|就労資格)(?:[(（][^)）\n]{1,30}[)）])?(?:を)?(?:すでに|既に)?(?:お持ち|保有|所持|有する|有している)"
    r"(?!でない|ではない|していない)"
    r"|must (?:already |currently )?(?:reside|live|be based|be located|be residing|be living|be)"
    # not a field answering it: "Applicants must live in Japan: No"
    r" in japan(?!\s?[:：]\s?(?:no|not required|n/a)\b)"
    r"|must (?:already |currently )?(?:have|hold|possess) (?:a |an |the )?(?:valid )?(?:japanese )?"
    r"(?:work(?:ing)?[- ])?(?:visa|permit|right to work|status of residence|residence status)"
    r"|(?:currently )?(?:residing|living|based) in japan only"
    # "you need the right to work in Japan already"
    # (not "You don't need the right to work in Japan already: we sponsor")
    r"|(?<!n't )(?<!n’t )(?<!not )(?:need|must have|must hold|must already have"
    r"|should already have) (?:the |a )?(?:valid )?right to work in japan"
    # "Currently living in Japan with a valid working visa"
    r"|(?:currently |already )?(?:residing|living|based) in japan with (?:a |an |the )?"
    r"(?:valid |current )?(?:japanese )?(?:work(?:ing)?[- ])?(?:visa|permit|right to work"
    r"|status of residence|residence status)"
    # "residence in Japan is required" (a translated 日本在住必須)
    r"|residen(?:ce|cy) in japan (?:is )?(?:required|mandatory|a must|necessary)"
    r"|no (?:visa )?(?:sponsorship|support)\b(?! (?:is )?needed)|ビザサポ(?:なし|無し|不可|×)"
    # a tag line's mark: "Visa support ✕", "ビザ×"
    r"|(?:visa(?: support| sponsorship)?|ビザ(?:サポート)?)\s?[:：]?\s?[✕×✗❌]"
    r"|(?:not|in)eligible for (?:visa )?sponsorship|not eligible for (?:a )?visa"
    # "we can only consider candidates who already hold a valid work visa", 海外からの招へいは
    # 行っていません
    r"|(?:candidates|applicants|those|people) who already (?:hold|have) (?:a |an )?(?:valid )?"
    r"(?:japanese )?(?:work(?:ing)?[- ])?(?:visa|residence status|status of residence)"
    r"|海外からの(?:招へい|招聘|呼び寄せ)(?:[(（][^)）\n]{1,20}[)）])?(?:は)?(?:行って|して)"
    r"(?:いません|おりません)"
    r"|(?:can['’]t|cannot|can not|unable to|won['’]t|don['’]t|do not) help with "
    r"(?:the |a |your |any )?visas?"
    r"|no (?:invitations?|hires?|hiring) from (?:abroad|overseas)"
    r"|(?:unable|not able|cannot|can't|can not|do not|don't|does not|won't|"
    r"will not) (?:to )?(?:provide )?(?:offer )?sponsor|visa sponsorship (?:is )?(?:not|un)"
    r"|without (?:visa )?sponsorship|right to work in japan (?:is )?required|japan[- ]based only"
    r"|applicants in japan only|in japan only|japan residents only|residents of japan only"
    r"|(?:visa )?sponsorship\s?[:：]\s?(?:no|none|not available|n/a)\b"
    r"|only (?:candidates|applicants|those|persons?|people)(?: who(?: are)?)? "
    r"(?:already |currently )?(?:residing|living|live|reside|based|located) in japan"
    # "we can only hire people who already live in Japan with the right to work here"
    r"|only (?:hire|consider|accept|recruit) (?:candidates |applicants |people |those "
    r"|engineers )?(?:who (?:are )?)?(?:already |currently )?(?:live|living|reside|residing"
    r"|based|located) in japan"
    r"|(?:cannot|can['’]t|can not|unable to|not able to|do not|don['’]t|will not|won['’]t)"
    r" (?:support|sponsor|provide|offer|assist with) (?:the |a |any |your )?"
    + _VISA_STEP
    + r"(?:working[- ]|work[- ])?visa"
    r"|(?:cannot|can['’]t|can not) do (?:the |a )?visa sponsor"
    r"|(?:change|acquisition|renewal|application)s? (?:of|for) (?:the |your |a )?"
    r"(?:status of residence|residence status|(?:work(?:ing)?[- ])?visa)[^.\n]{0,15}?"
    r"(?:cannot|can['’]t|can not|will not|won['’]t) be (?:supported|sponsored|assisted)"
    r"|(?:be|live|reside) already in japan|already (?:be |live |reside )?in japan with (?:a )?valid"
    # nationality as a condition: 外国籍不可, 日本国籍の方に限ります, "Japanese citizens only"
    r"|外国籍(?:の方)?(?:の(?:ご)?応募)?(?:は)?\s?(?:[】\]:：|]\s?)?(?:不可|ng\b|お断り"
    r"|受け付けて(?:いません|おりません))"
    r"|日本国籍(?:の方|者|保有者|を(?:お持ちの|有する)方)?(?:に限ります|に限る|のみ|限定|必須|が必須|が条件)"
    # a public post's eligibility item: "(3) 日本国籍を有する人"
    r"|日本国籍を有する(?:人|者|方)(?:であること)?(?=\s*(?:$|[。、\n]))"
    r"|japanese (?:citizens|nationals|citizenship) only|must (?:be|hold) (?:a )?japanese "
    r"(?:citizen|national|citizenship)"
)
_VISA_YES = dispatched(
    r"ビザ(?:サポート|サポ|支援|取得支援|スポンサー|サポート制度)(?:あり|有|可|します|いたします|制度)?"
    # shorthand of short posts: "visa sponsor ✅", "Visa: サポート可", "sponsorship OK"
    r"|visa sponsor(?:ship)?\s?[:：]?\s?(?:✅|✔|☑|⭕|◯|○|ok\b|yes\b)"
    r"|visa\s?[:：]\s?(?:サポート|サポ|スポンサー|support|sponsorship)\s?(?:可|あり|有|ok\b|available|yes\b)"
    r"|sponsor(?:ship)? (?:is )?(?:ok|okay|possible|fine)\b"
    # "Visa: sponsored, including relocation", "they still sponsor for engineering roles"
    r"|(?:visa|ビザ)\s?[:：]\s?sponsored\b|\b(?:they|we) (?:still|also|do|now|currently) sponsor\b"
    # code-switched: "ビザsponsorshipあります", "visa sponsorあり"
    r"|(?:ビザ|visa)\s?sponsor(?:ship)?\s?(?:あり|あります|可|ok\b)"
    r"|(?:visa )?sponsorship(?: and [a-z ]{1,25})? (?:is |are )?supported"
    r"|(?:就労)?ビザ[^\n。]{0,10}?(?:サポート|支援|スポンサー)"
    # "就労ビザ（技術・人文知識・国際業務）の申請・更新をサポート"
    r"|(?:就労)?ビザ(?:[(（][^)）\n]{1,20}[)）])?(?:の)?(?:申請|取得|更新|変更)[^\n。]{0,8}?"
    r"(?:サポート|支援)"
    r"|visa (?:application|renewal)s?[^.\n]{0,30}?support"
    r"|ビザ[^\n。]{0,12}?(?:てつだい|手伝い|手伝います|サポートします)"
    r"|visa sponsorship(?! (?:is )?not)"
    # non-native English: "We can support to get the working visa", "Visa sponsor: Yes"
    r"|(?:can|will) support (?:to get |getting |for |with )?(?:the |a |your )?"
    r"(?:working[- ]|work[- ])?visa"
    r"|(?:visa )?sponsor(?:ship)?\s?[:：]\s?yes\b|applicants? from (?:overseas|abroad) (?:is|are) "
    r"(?:ok|welcome)"
    r"|(?:visa|sponsorship)\s?[:：]\s?(?:visa )?(?:sponsorship )?(?:provided|available|offered"
    r"|yes)\b|sponsorship (?:is )?(?:provided|available|offered)"
    r"|sponsor (?:a |your |the )?(?:work[- ]|working[- ])?visas?"
    r"|(?:will|can|we|we['’]ll|happy to) sponsor"
    # "We have sponsored Engineer/Specialist in Humanities visas for several team members"
    r"|\bwe(?:['’]ve| have) sponsored\b"
    # the company applies for the visa or the work permit (in Japan or where the job is):
    # "ビザ：米国就労ビザ（L-1等）の申請は会社が行います", 就労許可（工作許可）は当社が申請,
    # 在留資格認定証明書（COE）を申請, "We handle your Vietnamese work permit", "the company
    # applies for your Japanese work visa", "Employment Pass の申請は会社がサポート"
    # (not refused: "会社が負担しません", "申請サポートは行っておりません", "support: No")
    r"|(?:(?:就労許可|就労ビザ|ビザ|工作許可|労働許可)[^。\n]{0,30}?(?:は|を)?(?:当社|弊社|会社)(?:が|で)"
    r"(?:申請|行|手配|取得|負担)"
    r"|在留資格認定証明書[^。\n]{0,12}?(?:を|の)?(?:申請|交付申請|取得)"
    r"|\b(?:handle|arrange|sponsor|apply for|applies for|process)\s(?:your |the |a )?"
    r"(?:[a-z]+ ){0,2}(?:work permit|employment pass|work visa)"
    r"|(?:employment pass|work permit)[^.\n。]{0,30}?(?:サポート|support\b|申請|sponsor))"
    r"(?![^。\n.]{0,16}?(?:ません|しない|ない|\bnot\b|\bno\b))"
    # relocation support is a visa's only for a move to Japan ("moving costs and temporary
    # housing" alone may be a move within Japan)
    r"|visa support|relocation and visa (?:support|assistance)"
    r"|relocation (?:support|assistance|package)(?=[^.\n]{0,60}?(?:abroad|overseas|international"
    r"|to japan|outside japan|from another country))"
    r"|apply from (?:abroad|overseas)|overseas (?:applicants|candidates) (?:are )?welcome"
    r"|\bhire (?:engineers |people |developers |candidates )?from (?:abroad|overseas)"
    # the residence status the company applies for: 在留資格（…）の取得・変更の手続きをサポート
    r"|在留資格[^\n。]{0,40}?(?:サポート|支援)(?!は(?:行って|して|でき)|(?:は)?(?:なし|無し|不可|対象外))"
    r"|certificate of eligibility"
    # the company applies for the status: 在留資格「技術・人文知識・国際業務」を当社が申請,
    # "we prepare all company documents for changing your status of residence"
    r"|在留資格[^。\n]{0,30}?(?:を|の申請は|の申請を)\s?(?:当社|弊社|会社)(?:が|で)(?:申請|行|手続)"
    r"|\b(?:prepare|handle|support|assist with|help with)[^.\n]{0,60}?"
    r"(?:status of residence|residence status)"
    # an institution's appointment: "The Centre will arrange the appropriate visa", "will
    # support the selected candidate's application for a residence status"
    r"|\b(?:will|can) (?:arrange|support|assist with|help with)\b[^.\n]{0,60}?"
    r"(?:visa|residence status|status of residence)"
    # "We support the visa application", "support for your working visa"
    r"|support (?:for )?(?:the |your |a )?" + _VISA_STEP + r"(?:work(?:ing)?[- ])?visa"
    # translated: "The change of the status of residence can be supported by our company."
    r"|(?:change|acquisition|renewal|application)s? (?:of|for) (?:the |your |a )?"
    r"(?:status of residence|residence status|(?:work(?:ing)?[- ])?visa)[^.\n]{0,15}?"
    r"(?:can|will) be (?:supported|sponsored|assisted)"
    r"(?: application| process)?"
)

_EMPLOYMENT: list[tuple[re.Pattern[str], EmploymentType]] = [
    (
        re.compile(
            # not someone else's: "contractors who have a full-time job elsewhere"
            r"正社員(?!登用|以外)|(?<!have a )(?<!has a )(?<!hold a )(?<!with a )(?<!their )"
            # not the staff one works beside: "alongside our full-time staff"
            r"(?<!our )(?<!with )(?<!alongside )(?<!among )"
            r"full[- ]time(?! equivalent)(?! (?:job|role|position)s? (?:elsewhere|at another))"
            r"|permanent(?! resident| residency| residence)(?: position| role| employee)?"
            r"|regular employee|\"full_time\"|employment_type\"?\s?[:：,]\s?\"?full_time"
            # the public sector's and non-profits' words: 正規職員, 正職員, 常勤（任期の定めなし）
            r"|正規職員|正職員|無期雇用|(?:任期|雇用期間|期間)の定め(?:なし|のない|は(?:なし|ありません))"
            # 正規雇用 (not a conversion to it: 正規雇用への登用); machine translations'
            # fields: "雇用形態：フルタイム", "雇用タイプ：常勤"
            r"|正規雇用(?!へ|登用|転換|の登用)"
            r"|(?:雇用|契約)(?:形態|タイプ|区分|種別)\s?[:：]\s?(?:フルタイム|常勤)"
            r"(?![^\n]{0,6}(?:契約|派遣|パート|アルバイト|有期))"
        ),
        "full_time",
    ),
    (
        re.compile(
            r"契約(?:社員|職員)|有期(?:雇用)?(?:契約|職員)?|任期付き?(?:職員|雇用)?|fixed[- ]term"
            # a local government's yearly appointment, a university's grant-funded or
            # part-time post: 会計年度任用職員, 特定有期雇用職員, 非常勤職員, 嘱託
            r"|会計年度任用|非常勤(?:職員)?|嘱託(?:職員|社員)?|specially appointed"
            r"|contract (?:position|role|basis|employee|"
            r"employment|job)|(?:\d+|six|three|twelve)[- ]month contract|\"temporary\""
            r"|employment type:\s?contract|contract staff|keiyaku[- ]?shain"
            # a translated field whose value is just 契約: "契約タイプ：契約（12ヶ月、更新可能）"
            r"|(?:雇用|契約)(?:形態|タイプ|区分|種別)\s?[:：]\s?契約(?=[\s(（、,/]|$)"
            # a field's value that is just "Contract", or "Contract (12 months)", "Contract,
            # 1 year", also as an item of a list ("- Contract (1 year, renewable)")
            r"|^[ \t\-•*・:：]*contract(?:[ \t]*$|\s?[(（,/·|｜])",
            re.MULTILINE,
        ),
        "contract",
    ),
    (
        re.compile(
            r"業務委託|フリーランス|independent contractor|業務請負"
            # not freelancers as the customers: "bookkeeping software for freelancers"
            r"|freelance(?!rs)|(?<!for )(?<!serving )(?<!helps )(?<!help )(?<!helping )freelancers"
            # a sole proprietor as the party: 個人事業主の方歓迎 (an SES 単価 posting); not
            # 個人事業主向けの会計サービス, the customers
            r"|個人事業主(?:の方)?(?:も|は)?(?:歓迎|大歓迎|可|ok|応募可)"
            r"|個人事業主(?:として(?:の)?(?:ご)?(?:参画|契約|稼働|ご契約)|契約|での(?:ご)?参画)"
            # schema.org JobPosting's employmentType codes, as exports paste them
            r"|\"contractor\""
            r"|準委任"
            # machine translations of 業務委託 and 準委任
            r"|business consignment|quasi[- ]delegation|consignment contract"
        ),
        "freelance",
    ),
    (
        re.compile(
            r"(?<!人材)派遣(?:社員|契約|労働|スタッフ)?(?!元|先の|事業)|紹介予定派遣"
            r"|dispatch(?:ed)? (?:worker|staff|contract|employee)|\bhaken\b"
            r"|employment(?: type)?\s?[:：]\s?(?:temporary\s?[(（/]\s?)?dispatch"
            r"|temporary staff(?:ing)?|temp staff|temporary\s?[(（/]\s?dispatch"
        ),
        "dispatch",
    ),
]
_FREELANCE = next(pattern for pattern, kind in _EMPLOYMENT if kind == "freelance")
# A line that marks itself as a plus ("5+ years with Kafka is a plus", "3年以上あれば尚可").
_PLUS_LINE = re.compile(
    r"歓迎|尚可|優遇|望ましい|(?:あれば|あると)(?:とても)?(?:心強い|助かる|助かります|なお良い|尚良い"
    r"|ありがたい|嬉しい|うれしい|理想的)"
    r"|必須ではありません|必須ではない|not (?:a )?(?:must|hard requirement)"
    r"|(?:is|are|would be|as) (?:a )?(?:big |huge |strong )?(?:plus|bonus|advantage)"
    r"|nice to have|preferred|a plus\b|desirable"
    # a benefit for those who have it, not a minimum: "実務経験が1年以上ある方は研修期間を短く",
    # "those with 2+ years skip the bootcamp"
    r"|(?:ある|お持ちの)方は[^。\n]{0,30}?(?:短縮|短く|優遇|免除|スキップ|省略)"
    r"|\bthose with\b[^.\n]{0,30}?\b(?:skip|shorter|shortened|start (?:at|on) a higher)"
    # "ideally 5 years", not "6 years' experience, ideally in financial services" (the plus
    # is the field, the years are asked)
    r"|ideally(?!\s(?:in|with|at|using|within|on|from|for|of)\b)"
    # "..., and ideally some of that time on search": a further wish after the figure
    r"(?<!, ideally)(?<!, and ideally)"
)
# The person a "for N years" figure must be said of.
_PERSON_WANTED = re.compile(r"\b(?:you|person|candidate|applicant|someone)\b")
# A label inside a line, after a bullet: "* Requirements: 3+ years …; * 歓迎: …".
_INLINE_LABEL = re.compile(
    # (a thread's counter may open the line: "(2/3) must-haves: …")
    r"(?:^(?:\(\d{1,2}/\d{1,2}\))?|[*・■●•|])\s?"
    r"(?:(?P<req>requirements?|required|must[- ]haves?|必須(?:要件|スキル|条件)?"
    r"|応募(?:資格|要件|条件)|qualifications)|(?P<pref>歓迎(?:要件|スキル|条件)?|尚可|preferred"
    r"|nice[- ]to[- ]haves?|nice|bonus(?: points)?|extra credit|plus))\s?[:：]",
    re.MULTILINE,
)
# The words _PREFERRED_OPENING needs, looked for before finding where the sentence starts.
_WISH_WORD = re.compile(r"歓迎|嬉しい|うれしい|望ましい|plus|bonus|love")
# A sentence that opens as a list of wishes, in prose rather than under a heading.
_PREFERRED_OPENING = re.compile(
    r"\s*(?:[・\-*●■◆]\s*)?(?:歓迎(?:する|される|したい)?(?:のは|方は|人は|経験は|スキルは)"
    r"|(?:あると|あれば)(?:嬉しい|うれしい|望ましい)(?:のは|こと(?:は)?)"
    r"|(?:it is |it's |it would be )?(?:a )?(?:plus|bonus) if\b|we(?:'d| would) love\b)"
)
# The field, or a heading "Employment" alone on its line with the value under it.
_EMPLOYMENT_FIELD = re.compile(
    r"雇用形態|雇用区分|採用形態|任用形態|employment (?:type|status|form)|job type|契約形態"
    r"|employment:|(?<![^\n【\[■・])身分\s?[:：】\]]"
    r"|(?<![^\n])employment(?=[ \t]*\n)|(?<![^\n])[ \t*・-]*type\s?[:：]"
    # a heading alone on its line: "Contract\nPermanent, full-time."
    r"|(?<![^\n])[ \t#*■]*contract(?: type| terms)?(?=[ \t]*\n)"
)

_NUMBER_WORDS = {
    "decade": 10,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,  # "at least a year"
    "a couple of": 2,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_Y = r"(?:years?|yrs?\.?|y(?=\+))"  # "years", "yrs", "3y+"
# A year count in a Japanese form: digits or one kanji numeral (三年以上, 十年以上).
_JA_N = r"(?:\d{1,2}|(?<![一二三四五六七八九十第])[一二三四五六七八九十](?![一二三四五六七八九十]))"
# A range's upper end after the lower one, which is the minimum: "3 to 5 years", "3~5 years",
# "between 3 and 5 years".
_UPPER = r"(?:(?:-|~|to|and)\s?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s?)?"
_NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
_MONTHS = r"[ヶケかカヵ箇]月"  # a count of months (6ヶ月); 6月 alone is June
# Where a figure of _YEARS can start: each alternative below begins with one of these
# characters or words, and some go on to what every figure beginning there needs next.
# Checked first at each position, it spares the engine trying every alternative at
# positions where none can match (the output is the same: tests/core/facts); an alternative
# added below may need its start added here. Reading past the first character halved the
# positions tried (~44 to ~20 a posting): one or two digits not ending a longer number
# (every figure's lookbehind refuses a digit before it: not 2024年, 10,000), then after at
# most two spaces what some figure's words begin with (年, ねん, nen, y of years and yoe, "+",
# plus, "or more", a range's "-", "~", to and "and", "(5)", months, ヶ月); a kanji numeral,
# then 年 or a range; a bracket, then a digit ("(3 years~)"); 経験, then 年数 or a numeral
# after only the words and marks of a label ("経験（通算）：3年"); the first character of a
# word of experience (開発, エンジニア, プログラミング), then 歴, 経験 or 実務; 実務.
_YEARS_FIRST = (
    r"(?=[a-z#+.]歴|one|two|thr|fou|fiv|six|sev|eig|nin|ten|at |min|ove|mor|yea|exp|you|sen|dec"
    r"|req|a c|for |ide|半"
    r"|\d(?<![0-9].)\d?\s{0,2}[年ねnyptao+\-~(mヶケかカヵ箇]|[一二三四五六七八九十]\s?[年~\-]"
    r"|[(（]\s?\d"
    r"|経験(?:年数|者?[\s:：】\]|(（がはを通算合計でして目安最低少なくとも]*[\d一二三四五六七八九十半])"
    r"|実務|[実開業エシ社就プ職設構運イバサフ言].{0,6}(?:歴|経験|実務))"
)
_YEAR_FIGURES = (
    r"(?:(?:実務|開発|業務|エンジニア|システム開発|社会人|就業)?経験(?:年数|者)?|(?:開発|業務)?実務)"
    # (a form pads its labels for alignment: "経験年数　　：3年以上", "必要経験年数｜3年")
    r"(?:\s|[ \t]{2,8})?(?:が|は|を)?(?:\s|[ \t]{2,8})?[:：】\]|]?\s?"
    r"[(（]?\s?(?:(?:通算|合計)(?:で|して)?|目安|最低|少なくとも)?\s?[:：]?\s?(?P<j1>"
    + _JA_N
    + r")\s?(?:[~\-]\s?\d{1,2}\s?)?年"
    # 開発歴3年以上, エンジニア歴：5年, java歴3年 (a person's record, not 運営歴 or 社歴).
    r"|(?:開発|エンジニア|プログラマー?|プログラミング|実務|業務|職務|就業|社会人|設計|構築|運用|インフラ"
    r"|バックエンド|サーバーサイド|フロントエンド|言語|職|[a-z#+.])歴\s?(?:は|が)?\s?[:：]?\s?(?:通算)?\s?"
    r"(?P<j3>\d{1,2})\s?(?:[~\-]\s?\d{1,2}\s?)?年"
    # "3年目以上": in the third year or later, two whole years
    r"|(?<![\d.])(?<!入社)(?<!入社\s)(?P<j4>" + _JA_N + r")\s?年目(?:以上|から|~)"
    r"|(?<![\d.])(?P<j2>"
    + _JA_N
    + r")\s?(?:[~\-]\s?\d{1,2}\s?)?年(?!目)(?:以上|程度|超)?(?:の)?(?:[^\n。」』]{0,25}?)?"
    r"(?<!未)(?:経験|実務(?!研修|トレーニング|講座))"
    # "バックエンド開発に5年程度携わってきた方": years of doing the work, said of a person
    # romaji, as foreign writers transcribe a Japanese form: "Keiken: 3 nen ijou"
    r"|(?<![\d.])(?P<j7>\d{1,2})\s?-?\s?nen\s?(?:ijou|ijoh|ijo|ijō|以上)"
    r"|(?<![\d.])(?P<j5>"
    + _JA_N
    + r")\s?年(?:以上|程度|ほど|くらい)?(?:の間)?\s?(?:携わ|従事|関わ)[^\n。」]{0,12}?(?:方|人)"
    r"|(?<![a-z0-9])(?P<e1>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
    r"\s?(?:\+|-?plus)?\s?"
    r"(?:\(\d+\)\s?)?"
    + _UPPER
    + r"(?:or more\s|\+\s)?"
    + _Y
    + r"['’]?\s?(?:(?:\+|plus)\s)?(?:of\s)?"
    r"(?:[a-z/.#+\- ]{0,40}?\s)?(?:experience|exp\b|professional|hands-on|industry|work)"
    # "at least 3 of the last 5 years in backend work": three years, recent ones
    r"|at least (?P<e19>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (?:out )?of "
    r"the (?:last|past|previous) (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) years"
    r"|(?:at least|minimum(?: of)?|min\.?|over|more than)\s(?:the\s)?"
    r"(?P<e2>\d{1,2}|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|(?<=at least )a)(?:\s?\(\d{1,2}\))?(?: and a half| and half)?\+?\s?"
    + _Y
    # "Years of experience: 5+", "Experience: 4+ years", "Minimum experience: 3 years".
    + r"|years? of (?:relevant |professional |work |industry )?experience(?: required| needed)?"
    r"\s?[:：]\s?(?:>=?\s?|≥\s?)?(?P<e3>\d{1,2})"
    r"|(?:(?:required |minimum |min\.? )?experience(?: required| level| needed)?|seniority)"
    r"(?:\s?[:：—–]|[ \t]-(?=[ \t])|[ \t]*\|[ \t]*)\s?"
    r"(?:(?:junior|mid|middle|senior|entry|lead|staff|principal)"
    r"(?:[- ](?:level|senior|junior|mid))?\s?)?[(（]?\s?"
    # ("experience: >= 3 years", "≥ 3 years": a bound written with a sign)
    r"(?:at least |minimum |min\.? |over |>=?\s?|≥\s?)?(?P<e4>"
    + _NUMBER
    + r")\s?\+?\s?(?:[-~]\s?\d{1,2}\s?)?"
    + _Y
    # "AWS: 3 years (Required)", as job boards list experience.
    + r"|(?<![\d.a-z])(?P<e9>"
    + _NUMBER
    + r")\s?\+?\s?"
    + _Y
    + r"\s?[(（]\s?(?:required|必須)\s?[)）]"
    # "backend development (3 years~)", "Java (2年〜)": a figure with an open end in brackets
    + r"|[(（]\s?(?P<e10>\d{1,2})\s?(?:years?|yrs?|年)\s?(?:~|or more|以上|\+|and (?:over|above))"
    r"\s?[)）]"
    # "Practical experience of 2 years or more", "experience for over 3 years"
    r"|experiences? (?:of|for) (?:at least |more than |over |about )?(?P<e11>"
    + _NUMBER
    + r")\s?\+?\s?"
    + _Y
    # Key-value lines of forms and flattened tables: "Minimum: 4 years", "Years / 年数: 2",
    # "経験年数：3年", "Years of experience | 5+", and the value on a line of its own below its
    # label ("Years of experience\n\n2-4").
    + r"|minimum\s?[:：]\s?(?P<e13>"
    + _NUMBER
    + r")\+?\s?"
    + _Y
    + r"|(?<![^\n])(?:years?(?: of (?:professional |relevant |work )?experience)?|経験年数)"
    r"(?:\s?/\s?(?:years?|経験年数|年数))?(?:\s?[:：|]\s?|[ \t]*\n(?:[ \t]*\n)?[ \t]*)"
    r"(?P<e14>\d{1,2})\s?(?:\+|年以上|年|years?|yrs?)?(?:\s?[-~]\s?\d{1,2}\s?(?:年|years?)?)?"
    r"[ \t]*(?=\n|$|\|)"
    # Non-native English: "practical experience 3 years~", "experience over 2 years"
    + r"|experiences?\s?(?:of\s)?(?:over |more than |at least )?(?P<e15>"
    + _NUMBER
    + r")\s?\+?\s?"
    + _Y
    + r"\s?(?:~|or more|or longer|\+|over\b|above\b|and (?:over|above))"
    # "the person who has developed ... with Python for 3 years at least", "Have you built ...
    # for 2 years or longer?": taken only when said of the person wanted (see parse_years)
    + r"|for (?:at least |more than |over )?(?P<e16>"
    + _NUMBER
    + r")\s?\+?\s?"
    + _Y
    + r"\s?(?:at least|or (?:more|longer)|minimum|\+)"
    # a bilingual key: "経験年数 Experience: 4年以上"
    + r"|経験年数\s?/?\s?[a-z ]{0,30}[:：]\s?(?P<j6>"
    + _JA_N
    + r")\s?年"
    # "3+ YOE" (years of experience).
    + r"|(?<![a-z0-9])(?P<e7>\d{1,2})\s?\+?\s?yoe\b"
    # "You have 6+ years building ...", "you've spent five years ...".
    + r"|you(?: have| bring|['’]ve)(?: got| spent| had)? (?:at least |over |more than )?(?P<e5>"
    + _NUMBER
    + r")\s?\+?\s?"
    + _Y
    # "a senior (7+ years) backend engineer", "Senior Engineer (5+ yrs)".
    + r"|senior\b[^\n()（）]{0,30}?[(（]\s?(?P<e6>"
    + _NUMBER
    + r")\s?\+?\s?"
    + _Y
    # "7yrs+ building web backends", "5 years developing APIs": a figure of doing the work
    + r"|(?<![\d.a-z])(?P<e12>"
    + _NUMBER
    + r")\s?(?:\+|-?plus)?\s?"
    + _UPPER
    + _Y
    + r"\+?\s(?:of\s)?(?:building|developing|designing|writing|running|operating|shipping"
    r"|programming|coding)\b"
    # A job board's skill row marked required: "・PHP: 3年 (必須)", "開発: 4年+ (Required)"
    + r"|(?<![\d.])(?P<j8>\d{1,2})\s?年\s?\+?\s?\(\s?(?:必須|required|must)\s?\)"
    # A form's years field with a bare figure: "ミニマム経験年数（必須）：4", "経験年数｜3"
    + r"|(?<!プリファード)(?<!希望)(?<!歓迎)(?<!理想)経験年数(?:\((?:必須|最低|目安|min)\))?"
    # (or a tab between the key and its value: a spreadsheet's row "必須経験年数<TAB>3")
    r"(?:[ \t]{0,8}[:|]|\t)[ \t]{0,4}(?P<j9>\d{1,2})[ \t]*(?=\n|$)"
    # Structured fields pasted from an export: "min_experience_years": 2
    + r"|min(?:imum)?_experience(?:_years?|_yrs)?\"?\s?:\s?(?P<e17>\d{1,2})(?![\d.])"
    # A screening question's answer: "Ideal answer: 3 or more — Must-have qualification"
    + r"|ideal answer:\s?(?P<e18>\d{1,2})\+?(?: or more)?(?=\s?[-—–]\s?must-have)"
    # "5y+" in a one-line summary of a post
    + r"|(?<![\d.a-z])(?P<e20>\d{1,2})\s?y\+(?![a-z])"
    # "Java experience (3 years)", "開発経験（3年）": the figure in brackets says the experience
    + r"|(?:(?<=experience )|(?<=experience)|(?<=経験))[(（]\s?(?P<e21>\d{1,2})\s?"
    r"(?:years?|yrs?|年)\s?[)）]"
    # Weaker forms, taken only in a requirements list: "Java 3年以上", "5+ years in backend".
    + r"|(?<![\d.])(?P<w1>"
    + _JA_N
    + r")\s?年半?以上"
    # code-switched: "Go 3年+", "Java min 2年"
    + r"|(?<![\d.])(?P<w7>\d{1,2})\s?年\s?\+"
    + r"|\bmin(?:imum)?\.?\s?(?P<w8>\d{1,2})\s?年"
    # やさしい日本語: "3年（ねん）いじょう", "1ねん（12かげつ）いじょう"
    + r"|(?<![\d.])(?P<w5>\d{1,2})\s?(?:年|ねん)(?:\s?[(（][^)）\n]{1,12}[)）])?\s?いじょう"
    # Japanese-English: "Java経験 3 years over" (3年以上)
    + r"|(?<![\d.a-z])(?P<w6>"
    + _NUMBER
    + r")\s?"
    + _Y
    + r"\s?(?:over|above)\b(?! the)"
    + r"|(?<![\d.a-z])(?P<w2>"
    + _NUMBER
    + r")\s?(?:\+|or more|plus)\s?"
    + _Y
    + r"(?![a-z])"
    r"|(?<![\d.a-z])(?P<w3>"
    + _NUMBER
    + r")\s?"
    + _UPPER
    + _Y
    + r"\s(?:in|as|of|with|building|developing|working|"
    r"writing|designing|running|operating|using|programming|coding|leading|shipping)\b"
    r"|(?<![\d.a-z])(?P<w4>"
    + _NUMBER
    + r")\s?"
    + _Y
    + r"\s?(?:(?:or|and) (?:more|longer|above|over)|minimum|min\b\.?|\+|plus\b)"
    # "a decade of experience", "over a decade of backend experience": ten years. The word
    # comes first and its article is checked behind it: "a" opens too many places to try.
    r"|(?P<e8>decade)(?:(?<=\ba decade)|(?<=\bone decade))\s(?:or more\s)?(?:of\s)?"
    r"(?:[a-z/.#+\- ]{0,40}?\s)?(?:experience|professional|hands-on|industry|work|building"
    r"|developing|designing|running|writing|shipping|leading)"
)
# Months, read as whole years: "実務経験6ヶ月以上" (0), "18 months of experience" (1). Tried
# only in texts that count months at all: three more alternatives at every position cost
# ~5 µs a posting.
_MONTH_FIGURES = (
    r"|(?:(?:実務|開発|業務)?経験(?:年数)?|(?:開発|業務)?実務)(?:\s|[ \t]{2,8})?(?:が|は)?"
    r"(?:\s|[ \t]{2,8})?[:：|]?\s?[(（]?\s?(?:通算|合計)?\s?"
    r"(?P<m1>\d{1,2})\s?"
    + _MONTHS
    + r"|(?<![\d.])(?P<m2>\d{1,2})\s?"
    + _MONTHS
    + r"(?:以上|程度)?(?:の)?[^\n。]{0,15}?(?:経験|実務)"
    r"|(?<![\d.a-z])(?P<m3>" + _NUMBER + r") months?\+?[ \t]"
    r"(?!(?:of\s)?(?:the |a )?(?:contract|probation|training|notice))(?:of\s)?"
    r"(?:[a-z/.#+\- ]{0,40}?[ \t])?"
    r"(?:experience|professional|hands-on|industry|work)"
    r"|experiences? (?:of|for) (?:at least |more than |over |about )?(?P<m6>\d{1,2}) months?"
    # "18 months or more of backend development", "Experience: 30 months or more"
    r"|(?<![\d.a-z])(?P<m9>\d{1,2}) months? or more (?:of|in|as)\s"
    r"|experience\s?[:：]\s?(?:at least |minimum )?(?P<m10>\d{1,2})\s?months?"
    # "Experience: minimum 30 months", "at least 18 months"
    r"|(?:experience\s?[:：]\s?)?(?:at least|minimum(?: of)?|min\.?|over|more than)\s"
    r"(?P<m7>\d{1,2})\s?months?"
    # "18 months+ of Java in production": a minimum of doing something, not a term
    r"|(?<![\d.a-z])(?P<m8>\d{1,2})\s?months?\s?\+\s(?:of|in|with|using)\s"
    r"(?!(?:the |a |an )?(?:contract|probation|training|onboarding|notice|leave))"
    # a structured field: "min_experience_months": 30
    r"|min(?:imum)?_experience_months\"?\s?:\s?(?P<m11>\d{1,3})(?![\d.])"
    # half a year: 実務経験半年以上, 半年以上の開発経験
    r"|(?:実務|開発|業務)?経験\s?(?:が|は)?\s?[:：]?\s?[(（]?\s?(?:通算|合計)?\s?(?P<m4>半)年"
    r"|(?<![\d.一二三四五六七八九十年])(?P<m5>半)年(?:以上|程度)?(?:の)?[^\n。]{0,15}?(?:経験|実務)"
)
# Each is the compiled ``_YEARS_FIRST + "(?:" + figures + ")"``, matched by trying at each
# position only the alternatives that can start with its character (kyujin.core.prefilter).
# (Without the scan: the lookahead lets few positions through, but java歴 and the like
# start with every letter, each a branch of the scan.)
_YEARS = Dispatched(_YEARS_FIRST, _YEAR_FIGURES, scan=False)
_YEARS_OR_MONTHS = Dispatched(_YEARS_FIRST, _YEAR_FIGURES + _MONTH_FIGURES, scan=False)
# (whether a text counts months at all is the triggers' "months" category)
# A clause whose years are not asked of the candidate: the team's ("our engineers have on
# average 8 years of experience"), a commitment ("able to commit to at least 2 years in
# Tokyo"), the company's age or a tenure ("bonus after 2 years of service").
_NOT_ASKED = Presence(
    r"\bon average\b|\baverage (?:of )?|\bour (?:engineers|team|developers|members)\b"
    # a named colleague's record: "our senior engineer (15 years experiences) will teach you"
    r"|\bour (?:[a-z]+ )?(?:engineers?|developers?|members?|leads?|mentors?|staff) \("
    r"|\bcommit(?:ment|ted)?(?: to)?\b|\bstay (?:with us |in [a-z]+ )?for\b|\bof service\b"
    r"|\bfounded\b|\bestablished\b|平均|創業|設立|勤続"
    # the team's make-up: "経験年数4〜10年のメンバー5名で構成されています"
    r"|で構成|が在籍|在籍して"
    # a person's own record: "代表の森野はエンジニア歴30年", "our CTO has 20 years of ..."
    # (not a role the candidate held: "including a previous CTO or VP Engineering role")
    r"|代表|社長|創設者|(?<!previous )(?<!former )(?<!a )(?<!as )\b(?:ceo|cto)\b|\bfounders?\b"
    # since graduating, or how long the candidate can stay: "卒業後3年以内", "2年以上の長期参画"
    # ("Minimum 2 years of experience after graduation" is asked)
    r"|卒業(?:後|して)|以内|\bwithin\b|参画|長期|継続して|勤務できる|腰を据え|長く(?:働|勤)|別枠|別の求人|別求人"
    r"|graduat\w*[^.\n]{0,20}?\bago\b|(?:years?|yrs?) (?:since|from) graduat"
    # how long a company has operated; what those already in the job tend to have
    r"|\boperating (?:in|for)\b|\bin business (?:for|since)\b|\bbeen in business\b|\bbeen around\b"
    # a condition, not a requirement: "経験3年の場合 年収520万円" (a pay example)
    r"|の場合|場合は"
    # said to someone else: "if you already have 2+ years, apply to our other opening instead"
    r"|\b(?:apply|see|look at|consider)\b[^.\n]{0,60}\binstead\b"
    # ("those who have 3 years" is the usual English of 3年以上の方: asked)
    r"|\b(?:engineers|people|developers|members) who\b|\bthose who(?! have| has| can)\b"
    r"|\bthrive\b|skills over years"
    # the company's own record: "the IT company which has more than 15 years history",
    # "our company has more than 20 years experience in ..."
    r"|\byears?['’]? (?:of )?history\b"
    r"|\b(?:company|firm|group|we) (?:(?:which|that) )?(?:has|have) (?:more than |over |about "
    r"|nearly |almost )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a decade)"
    # years of living in Japan, since passing the JLPT, of lessons: not work experience
    # (said of the figure itself: "5+ years of Go, currently residing in Japan" is asked)
    r"|\b(?:years?|yrs?)\b[^,.;\n]{0,25}\b(?:living|lived|residing|residence|resident)\b"
    # the reader's or the writer's own record: scouts ("あなたの5年間のご経験を拝見し",
    # "given your ten years in card processing"), a poster ("自分はエンジニア歴5年")
    r"|\bgiven your\b|\byears? old\b|\bresidence status\b|在留期間|\bvalid for\b"
    r"|\byour (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (?:years|yrs)\b"
    r"|\b(?:living|lived|residing|resident) in japan for\b|在住|住んで|すんで|滞在|来日"
    r"|取得(?:して)?から|合格(?:して)?から|経過|\bsince (?:passing|obtaining|getting)\b"
    r"|\b(?:obtained|passed)\b[^,.;\n]{0,25}\b(?:years?|yrs?)\b(?: ago| before)"
    r"|\byears? of (?:free )?(?:[a-z]+ )?lessons?\b|レッスン"
)
# The reader's or the writer's own record, anywhere earlier in the sentence: scouts
# ("あなたの5年間のご経験を拝見し"), an engineer's post ("自分はエンジニア歴5年、うちRust歴2年").
_SPEAKER = re.compile("|".join(TRIGGERS["speaker"]))
_SPEAKER_REACH = 200  # characters before a figure searched for such a sentence start
# A scout's praise after the figure: "7年間のGoのご経験を活かせるポジション", "6年にわたる…
# ご経験を拝見し" (outside a required list, where "3年以上のご経験を活かし" may be asked).
_ADDRESSEE_AFTER = re.compile(r"ご経(?:験|歴)(?:を|が)?(?:拝見|拝察|活か|生か)")


_EXPERIENCE_WORD = prefiltered(
    r"experience|経験|実務|応募の?条件|必須|\brequired\b|\bwe need\b|\bis needed\b|\bnecessary\b"
    r"|必要"
)
# A line marking itself required: "5+ years of Java (required)", "| 5+ years | Required |".
_LINE_REQUIRED = re.compile(
    r"[(（\[【|]\s?(?:必須|required|must)\s?[)）\]】|]|must-have qualification"
)
_INVITED_AFTER = re.compile(
    r"\b(?:are|is) (?:also |still )?(?:welcome|encouraged|invited) to apply"
    r"|\b(?:can|may|should) (?:also |still )?apply\b|\bwill (?:also |still )?be considered\b"
)
# The sentence names the figure as the required one: "必須の経験年数は3年以上です" (a
# correction below a list of wishes).
_NAMED_REQUIRED = re.compile(
    r"必須(?:の|となる|とする)(?:実務)?(?:経験年数|経験|年数)(?:は|が|:)"
    # a short text's requirement sentence: "Must have 3+ yrs Node.js", "Need 5+ yrs C++"
    # (opening its sentence: not "the system required at least 3 years", "an engineer who
    # needs 10+ years")
    r"|(?:(?<![^\n])|(?<=[.;:!?(•·|｜]\s)|(?<=[.;:!?(•·|｜]))"
    r"(?:must have|must-have|need|needs|requires?|required)\s"
    r"(?:at least |a minimum of |min\.? )?(?=\d|one|two|three|four|five|six|seven|eight|nine|ten)"
)
# A form's field whose value is a preference, its content on the indented lines below it:
# "必要な経験等：あれば尚可\n　Webアプリケーション開発の実務経験（3年以上）" (ハローワーク).
_PREFERENCE_FIELD = re.compile(r"[^\n]*[:：]\s?(?:あれば)?(?:尚可|歓迎|優遇)\s*")


def _under_a_preference_field(folded: str, line_start: int) -> bool:
    if line_start < 2 or folded[line_start] not in " \t":
        return False
    above = folded.rfind("\n", 0, line_start - 1) + 1
    return _PREFERENCE_FIELD.fullmatch(folded, above, line_start - 1) is not None


# A table row marked as a wish: "| Want | チームリード | 1年以上 |", "| Nice to have | … |".
_PREFERRED_ROW = re.compile(
    r"[ \t]*\|?[ \t]*(?:want|nice[- ]to[- ]have|preferred|optional|plus|歓迎|尚可)[ \t]*\|"
)
# Years of working life in any job, not of the work itself.
_ANY_WORK = re.compile(r"社会人|就業経験|職種不問|業界不問|in any (?:field|industry|job|role)")
_STRONG = (
    "j1", "j2", "j3", "j4", "j5", "j6", "j7", "j8", "j9", "e1", "e2", "e3", "e4", "e5", "e6", "e7",
    "e8", "e9", "e10", "e11", "e12", "e13", "e14", "e15", "e16", "e17", "e18", "e19", "e20",
    "e21",
)  # fmt: skip
_WEAK = ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")
_IN_MONTHS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11")
_WITH_MONTHS = _STRONG + _WEAK + _IN_MONTHS
_NO_EXPERIENCE = prefiltered(
    # not "Go未経験でも" (no experience of one language)
    r"(?<![a-z0-9#+])未経験(?:者|の方)?(?:も|を)?(?:可|ok|歓迎|者歓迎|からの|でも|応募可|大歓迎"
    r"|(?:ご)?応募(?:いただけます|できます|可能))"
    # "経験：不要", "開発経験は必要ありません" (not "Goの経験は不要": one language)
    r"|(?<![a-z0-9#+]の)(?<![a-z0-9#+])(?:実務)?経験(?:年数)?(?:は)?\s?[:：]?\s?"
    r"(?:不問|問いません|不要|必要(?:ありません|ない|なし)|いりません|要りません)"
    # "経験・学歴は不問です", "社会人経験、IT実務経験ともに一切問いません"
    r"|経験(?:[・、]\s?(?:学歴|年齢|資格|業界|職種))*\s?(?:は|も|ともに|とも)\s?(?:一切|特に|全く|まったく)?"
    r"\s?(?:不問|問いません|問わない)"
    r"|experience\s?[:：]\s?(?:not required|not necessary|none(?: required)?\b|n/a\b"
    r"|不問|問いません)"
    # Experience of any kind, however qualified ("no prior professional experience required");
    # not one in a named skill ("no Kotlin experience required" says nothing of the years).
    r"|no (?:(?:prior|previous|professional|relevant|formal|work|working|industry|commercial"
    r"|practical|paid|job|engineering|development|programming|software|coding|it|technical"
    r")[- ]){0,4}experience (?:is )?"
    r"(?:required|necessary|needed|ok\b|okay\b)"
    r"|experience (?:is )?not (?:required|necessary)|experience is not (?:needed|asked)"
    # no number of years asked: "no minimum number of years", "not how many years you have
    # been doing it", "we do not screen by years of experience", 経験年数の下限は設けていません
    r"|no minimum (?:number of )?(?:years|experience)|not (?:how many|the number of) years"
    r"|(?:don['’]t|do not|never) (?:screen|filter|judge|rank)[^.\n]{0,30}?\bby (?:the )?"
    r"(?:number of )?years"
    r"|経験年数の(?:下限|最低ライン|条件)(?:は|も)?(?:設けていません|ありません|なし)"
    r"|graduate (?:engineering |software |tech )?(?:programme|program|careers|recruitment)\b"
    r"|(?:person|people|those) without experience (?:is |are )?(?:welcome|ok|okay)"
    r"|experience isn['’]t (?:required|necessary|needed)|entry[- ]level|new graduates?|new grads?\b"
    # Japanese HR English: "Inexperienced person is OK", "Beginners welcome"
    r"|inexperienced(?: (?:persons?|people|candidates|applicants|engineers))?"
    r" (?:is |are )?(?:ok|okay|welcome|acceptable|accepted|possible)"
    r"|beginners? (?:is |are )?(?:ok|okay|welcome)|no (?:it |programming |engineering )?"
    r"background (?:is )?(?:needed|required|necessary)"
    r"|(?<!第二)新卒(?:者)?(?:も)?(?:可|ok|歓迎|大歓迎|応募可)"
    # "経験は なくても 大丈夫です", "けいけんは なくても だいじょうぶ"
    # (not of one industry or language: 電力業界の経験がなくても, Goの経験がなくても)
    r"|(?<!業界の)(?<!業種の)(?<!業界)(?<![a-z0-9#+]の)(?<![a-z0-9#+])(?:経験|けいけん)(?:が|は)?\s?"
    r"(?:なくても|無くても)\s?(?:大丈夫|だいじょうぶ|ok|可|問題|応募(?:可|でき))"
)


# A remote option said of other jobs than this one: an SES company's other projects
# (現場によりリモート可の案件もあります), other departments (在宅勤務制度のある部署が対象で、
# 本ポジションは対象外), "depending on the project".
_HEDGE_BEFORE = prefiltered(
    # an exception for personal circumstances: "※育児・介護など個別の事情がある場合は、在宅勤務
    # 制度を利用できる場合があります", "for childcare or medical reasons, by exception"
    r"(?:育児|介護|通院|療養|個別の事情|特別な事情|家庭の事情|やむを得ない事情)[^。\n]{0,20}?"
    r"(?:場合|際)(?:は|に限り|のみ)?[、,]?\s?$"
    r"|\b(?:for|in case of|due to) (?:childcare|caregiving|family|personal|medical|health)"
    r" (?:reasons|circumstances|needs)\b[^.\n]{0,15}$|\b(?:as an|by) exception,?\s?$|"
    r"(?:現場|案件|配属先|プロジェクト|参画先|常駐先|部署|チーム)(?:に)?(?:より|によって|次第)(?:は|で)?$"
    # what most of the company does, said before this job's own policy
    r"|(?:社員|エンジニア|メンバー)の(?:多く|大半|ほとんど)(?:は|が)$|多くの(?:社員|エンジニア|メンバー)(?:は|が)$"
    r"|\bmost (?:of )?(?:our |the )?(?:engineers|people|staff|employees|team members)"
    r" (?:work |are )?$"
    r"|depending on (?:the )?(?:project|client|team|assignment)s?\W{0,3}$"
    # a past policy: "2020年から2022年までは全社で", "the company was", "until 2022"
    r"|20\d\d\s?年?\s?まで(?:は)?[^。\n]{0,12}$|\b(?:until|till|through) 20\d\d\b[^.\n]{0,20}$"
    r"|\b(?:we|everyone|the (?:whole )?company|all (?:staff|employees)) (?:was|were) (?:all )?$"
)
_HEDGE_AFTER = re.compile(
    r"^[^。\n]{0,12}?(?:の)?(?:案件|現場|部署|プロジェクト)(?:も|が|の)"
    r"|^[^。\n]{0,30}?対象外|^[^.\n]{0,30}?\bon some (?:projects|teams)"
    r"|^[^。\n]{0,15}?(?:ていますが|ますが|ですが)[、,]?\s?(?:本|この|今回の)(?:ポジション|職種|求人|案件|募集)"
    # a rule that does not apply to this kind of staff: "…を利用していますが、派遣スタッフには
    # 適用されません", "(staff may work from home on Fridays; this does not apply to contractors)"
    r"|^[^。\n]{0,30}?(?:には|は)?適用(?:されません|されない|外)"
    r"|^[^.\n]{0,40}?\b(?:does not|doesn['’]t|do not|don['’]t|will not|won['’]t) apply\b"
    # a past policy: "…としていましたが、現在は", "we were fully remote from 2020 to 2022"
    r"|^[^。\n]{0,12}?(?:していました|でした|だった)(?![^。\n]{0,6}(?:現在も|今も|引き続き))"
    r"|^[^.\n]{0,25}?\b(?:from 20\d\d (?:to|until|through) 20\d\d|until 20\d\d)\b"
)
_HEDGE_REACH = 30


# Another named team's way of working, in a posting that tells its own team apart ("the
# Platform team is fully remote ..., and the Order Management team (the team this role joins)
# works hybrid"): not this job's when the posting states another way of working.
_NAMED_TEAM_BEFORE = re.compile(
    r"\bthe (?!team\b)(?:[\w&/-]+ ){1,3}teams? (?:is|are|works?|operates?|stays?)(?: \w+){0,2} $"
    # "Other engineering teams at Harbor & Pine are remote-first"
    r"|\bother (?:[\w&/-]+ ){0,2}teams?(?: at [\w&. -]{1,30}?)? (?:is|are|work|operate)"
    r"(?: \w+){0,2} $"
)
_OWN_TEAM = re.compile(
    r"\bthis (?:team|role|position)\b|\bthe team (?:this role|you(?:['’]ll| will)) join"
)
_NAMED_TEAM_REACH = 60


def _hedged(folded: str, m: re.Match[str], triggers: Triggers) -> bool:
    before = folded[max(0, m.start() - _HEDGE_REACH) : m.start()]
    after = folded[m.end() : m.end() + _HEDGE_REACH + 10]
    return bool(
        _HEDGE_BEFORE.search(before)
        or _HEDGE_AFTER.search(after)
        or said_of_others(folded, m.start(), m.end(), triggers)
    )


def _of_a_named_team(folded: str, m: re.Match[str]) -> bool:
    """``m`` is said of another named team, in a posting that tells its own team apart."""
    return (
        _NAMED_TEAM_BEFORE.search(folded, max(0, m.start() - _NAMED_TEAM_REACH), m.start())
        is not None
        and _OWN_TEAM.search(folded) is not None
    )


# A full-remote phrase said not to hold: フルリモート不可, 完全在宅ではありません, "full remote
# not possible", "Full remote: No", "not a fully remote role". (The on-site or office-day
# phrases beside it then say how the job is worked; "not full remote" alone says neither.)
_NEGATED_AFTER = re.compile(
    r"\s?(?:は|では|で|の|も)?\s?(?:不可|なし|無し|ではありません|ではない|ではなく|できません|不可能|ng\b"
    r"|対象外|ありません|は(?:ありません|不可|できません))"
    r"|\s?(?:(?:arrangements?|options?|setups?|work|working)\s)?(?:is |are )?"
    r"(?:not (?:possible|available|allowed|offered|permitted|an option|supported"
    r"|ok(?:ay)?)\b|impossible\b|unavailable\b)"
    # the field's whole value: "Full remote: No", not "Fully remote: no office visits"
    r"|\s?[:：]\s?(?:no|not available|not possible|none|n/a|impossible)\s?(?=$|[\n.,;(（]|[-–—] )"
)
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|non|never|isn['’]t|aren['’]t)(?: an?)?[- ]$")


def _negated(folded: str, m: re.Match[str]) -> bool:
    return (
        _NEGATED_AFTER.match(folded, m.end()) is not None
        or _NEGATED_BEFORE.search(folded, max(0, m.start() - 12), m.start()) is not None
    )


def _job_own(
    pattern: Dispatched,
    folded: str,
    windows: list[tuple[int, int]],
    triggers: Triggers,
    *,
    negatable: bool = False,
) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The first phrase of ``pattern`` said of this job (not hedged, and with ``negatable``
    not negated), and the first hedged one when it came first. Later phrases are read only
    past a hedged or negated first one."""

    def held(m: re.Match[str]) -> bool:
        return _hedged(folded, m, triggers) or (negatable and _negated(folded, m))

    first = search_in(pattern, folded, windows)
    if first is not None and _a_statistic(folded, first):
        # a share of the staff or customers working so says nothing of this job
        after = first.start()
        first = next(
            (
                m
                for m in finditer_in(pattern, folded, windows)
                if m.start() > after and not _a_statistic(folded, m)
            ),
            None,
        )
    if first is None or not held(first):
        return first, None
    later = (
        m
        for m in finditer_in(pattern, folded, windows)
        if m.start() > first.start() and not _a_statistic(folded, m)
    )
    return next((m for m in later if not held(m)), None), first


# A share of people or customers working so, not the job's way of work: 社員の9割が
# リモートワーク, 導入企業の約7割がハイブリッド勤務, "70% of our staff work from home", a
# company figure such as リモートワーク率80% (not "100% remote").
_SHARE_BEFORE = re.compile(
    r"(?:\d+(?:\.\d+)?\s?(?:割|[%％]|パーセント)|半数|大半|過半数)(?:以上|程度|近く|ほど)?"
    r"(?:の[^\s。、]{1,8})?(?:が|は|\s(?:of|of our|of the)\s[^.\n]{1,25})\s?$"
)
_RATE_AFTER = re.compile(r"\s?(?:利用率|実施率|導入率|実施比率|率|rate\b|ratio\b)")
_SHARE_REACH = 40  # characters before a remote phrase looked at for a share


# A line naming an allowance for working from home ("・在宅勤務手当 月3,000円（在宅勤務制度
# 利用者）", "Remote work allowance: ¥5,000/month"): a benefit, paid to hybrid and onsite
# roles alike; it says nothing of how this job is worked.
_ALLOWANCE_LINE = re.compile(
    r"[ \t・\-*•■◆●]*(?:在宅(?:勤務)?|リモート(?:ワーク|勤務)?|テレワーク|remote[- ]work(?:ing)?"
    r"|home[- ](?:working|office)|work[- ]from[- ]home|wfh)"
    r"\s?(?:手当|補助|支援金|allowance|stipend)"
)


def _a_statistic(folded: str, m: re.Match[str]) -> bool:
    if _RATE_AFTER.match(folded, m.end()) is not None:
        return True
    if _ALLOWANCE_LINE.match(folded, folded.rfind("\n", 0, m.start()) + 1, m.end()) and not (
        _SOME_DAYS.search(m.group()) or m.group().startswith(_EXPLICIT_FULL)
    ):
        # (days named there are the policy: "在宅勤務手当（全社員が週2日出社・週3日在宅勤務
        # のため一律支給）")
        return True
    return _SHARE_BEFORE.search(folded, max(0, m.start() - _SHARE_REACH), m.start()) is not None


_FULL_REACH = 120  # characters after a full-remote phrase read for a hybrid phrase
_SENTENCE_END = re.compile(r"[。;；!?！？]|\.(?:\s|$)")


_MONTH_NAMES = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b"
)
# What introduces the way of working from some point on: a date, the end of a first period.
_CHANGE = prefiltered(
    r"(?:\d{4}\s?年\s?)?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?(?:以降|より|から)"
    r"|\d{1,2}\s?" + _MONTHS + r"?目(?:以降|から|より)"
    r"|(?:試用期間|研修期間|研修|オンボーディング)(?:の)?(?:終了後|修了後|経過後|後|明け)"
    r"|(?:入社|試用開始)\s?\d{1,2}\s?" + _MONTHS + r"(?:後|経過後|以降)|その後|それ以降"
    r"|\bfrom (?:(?:early |mid-?|late )?" + _MONTH_NAMES + r"|20\d\d\b|month \d"
    r"|the (?:\w+ )?month\b|your (?:\w+ )?month\b)"
    r"|\bstarting (?:in |from )?(?:" + _MONTH_NAMES + r"|20\d\d\b|month \d)"
    r"|\bafter (?:the |your )?(?:first \w+ (?:weeks?|months?)|probation|onboarding)"
    r"|\bthereafter\b|\bafter that\b"
)
_WAYS: tuple[tuple[Remote, Dispatched], ...] = (
    ("onsite", _REMOTE_ONSITE),
    ("full", _REMOTE_FULL),
    ("hybrid", _REMOTE_HYBRID),
)
# The way of working after the change with its subject left out: "Remote work: not available
# during probation; after probation, up to 2 days per week".
_ELLIPTICAL_HYBRID = re.compile(
    r"\bup to (?:[1-4]|one|two|three|four) days? (?:per|a|each) week\b|週\s?[1-4]\s?日(?:まで|以内)"
)
_CLAUSE_BREAK_BETWEEN = re.compile(r"[。;；.,、，/\n(（]|\bbut\b|が、")
_CHANGE_REACH = 200  # characters after the way of working read for a change of it
_AFTER_CHANGE_REACH = 80  # characters after the change read for the new way of working


def _after_change(folded: str, remote: Remote, span: Span) -> tuple[Remote, Span]:
    """ "Two remote days now; fully in the office from January", "on site for the first
    six months, then hybrid (from the seventh month)": what applies from then on."""
    reach = min(len(folded), span.end + _CHANGE_REACH)
    paragraph = folded.find("\n\n", span.end, reach)
    for change in _CHANGE.finditer(folded, span.end, reach if paragraph < 0 else paragraph):
        if not _CLAUSE_BREAK_BETWEEN.search(folded, span.end, change.start()):
            return remote, span  # "hybrid after probation": the phrase is the later way
        sentence_end = _SENTENCE_END.search(
            folded, change.end(), change.end() + _AFTER_CHANGE_REACH
        )
        stop = sentence_end.start() if sentence_end else change.end() + _AFTER_CHANGE_REACH
        found = [
            (m.start(), m.end(), kind)
            for kind, pattern in _WAYS
            if (m := pattern.search(folded, change.end(), stop)) is not None
        ]
        if not found and remote == "onsite":
            elliptical = _ELLIPTICAL_HYBRID.search(folded, change.end(), stop)
            if elliptical is not None:
                found = [(elliptical.start(), elliptical.end(), "hybrid")]
        if found:
            start, end, kind = min(found)
            if kind != remote:
                return kind, Span(start, end)
    return remote, span


def parse_remote(folded: str, triggers: Triggers) -> tuple[Remote | None, Span | None]:
    spoken = quoted_speech(folded) if triggers.any("remote") else []
    if spoken:
        # not how an interviewee or another team works ("Our Dublin team is fully remote,
        # but in Tokyo we meet in person" — Sam), when the page says how the role works
        view = blank(folded, spoken)
        view_triggers = Triggers(view)
        remote, span = _remote(view, view_triggers)
        if remote is not None and span is not None:
            if view_triggers.any("change"):
                return _after_change(view, remote, span)
            return remote, span
    remote, span = _remote(folded, triggers)
    if remote is not None and span is not None and triggers.any("change"):
        return _after_change(folded, remote, span)
    return remote, span


# Office visits asked at a set frequency, in a sentence after the remote phrase: "We're
# remote-first. The team gets together at our Nakameguro office once a month", "We ask
# everyone to come to our Otemachi office (Chiyoda-ku) twice a month".
_VISIT_FREQUENCY = re.compile(
    r"(?:\b(?:come|comes|go|goes|travel|get together|gets together|meet|meets|gather|gathers"
    r"|visit|visits|join|joins)\b[^.\n]{0,60}?\boffice\b[^.\n]{0,60}?"
    # "we ask people to come in twice a month for planning days"
    r"|\b(?:come|comes|coming) in\b[^.\n]{0,20}?)"
    r"\b(?:once|twice|(?:one|two|three|four|[1-4]) (?:times?|days?)) (?:a|per|every|each)"
    r" (?:week|month|quarter)\b"
)
_VISIT_REACH = 300  # characters after the remote phrase, within its paragraph


def _asked_visit(folded: str, after: int) -> re.Match[str] | None:
    paragraph = folded.find("\n\n", after, after + _VISIT_REACH)
    end = paragraph if paragraph >= 0 else min(len(folded), after + _VISIT_REACH)
    found = _VISIT_FREQUENCY.search(folded, after, end)
    if found is None:
        return None
    start = sentence_start(folded, folded.rfind("\n", 0, found.start()) + 1, found.start(), 120)
    return None if OPTIONAL_VISIT.search(folded, start, found.end()) else found


# A remote field whose value is that it depends on the assignment (an SES or agency
# employee's): "リモートワーク\nプロジェクトによる（…リモート併用の案件に参画中）",
# "Remote: depends on the project". No policy of the job's own.
_DEPENDS_ON_ASSIGNMENT = re.compile(
    r"(?:リモート|在宅|テレワーク)(?:ワーク|勤務)?(?:可否|制度)?[ \t]{0,4}(?:[:：】\]|]|\n)[ \t]*"
    r"(?:各)?(?:プロジェクト|案件|配属先|参画先|現場|常駐先|客先|お客様先|配属(?:される)?(?:プロジェクト|案件))"
    r"(?:に)?(?:よる|より(?:異なる|ます|変動)|次第|ごとに(?:異なる|異なります))"
    r"|remote(?: work| policy)?[ \t]{0,4}[:：\]|][ \t]*(?:it )?(?:depends|varies|depending)"
    r" (?:on|by) (?:the )?(?:project|client|assignment|placement)"
)


# The posting's own work-style field: what it states beats what the page's stories, other
# teams and other offices say ("勤務形態：オフィス勤務（…リモートワーク不可）" after an
# interview's 週2出社のハイブリッド).
_WORK_STYLE_FIELD = re.compile(
    r"(?<![^\n])[ \t]*[【〈<\[■◆●・•*\-]*[ \t]*"
    r"(?:勤務形態|働き方|勤務スタイル|ワークスタイル|リモートワーク|リモート勤務|在宅勤務|テレワーク"
    r"|work ?style|remote work|remote policy|remote|work arrangement|working style)"
    r"(?:制度)?(?:[ \t]?[/／][ \t]?[^\n:：】〉>\]]{1,30})?"
    # (a form's row: "勤務形態<TAB>出社")
    r"(?:[ \t]*[】〉>\]][ \t]*[:：]?|[ \t]*[:：]|\t+)"
)
# A field's value that opens by saying the work is done at the office ("出社勤務が基本です",
# "派遣期間中は本社での出社勤務となります"); not one combining it with remote work.
_ONSITE_VALUE = re.compile(
    # (not some days of the week: "週3日出社勤務", "On-site 4 days, 1 day remote")
    r"(?<![日回])(?:出社|オフィス|本社|事業所|客先|常駐)(?:での)?勤務"
    r"(?!\s?(?:と|・|／|/|\+|＋|または|or\b|and\b|&|併用))"
    r"|(?<![a-z])(?:on[- ]?site|in[- ]office|office[- ]based)"
    r"(?!\s?(?:/|\+|&|or\b|and\b|\d|one\b|two\b|three\b|four\b))"
)
_SOME_DAYS = re.compile(r"[週月]\s?\d|\d\s?days?")
_FIELD_LINES = 2  # lines read below a work-style label that stands alone on its line
_ONSITE_OPENING = 20  # characters of a field's value in which it says so


def _remote(folded: str, triggers: Triggers) -> tuple[Remote | None, Span | None]:
    windows = triggers.windows("remote", 40, 40)
    if not windows:
        return None, None
    if search_in(_DEPENDS_ON_ASSIGNMENT, folded, windows):
        return None, None
    field = search_in(_WORK_STYLE_FIELD, folded, windows)
    if field is not None:
        start = field.end()
        end = _line_end(folded, start)
        if not folded[start:end].strip():
            for _ in range(_FIELD_LINES):
                if end < len(folded):
                    end = _line_end(folded, end + 1)
        own = _remote_in(folded, triggers, [(field.start(), end)])  # ("Remote: partial")
        # (the value's opening words: not "Partial (3 days a week on-site at the lab)")
        at_office = _ONSITE_VALUE.search(folded, start, end)
        if at_office is not None and at_office.start() - start > _ONSITE_OPENING:
            at_office = None
        if (
            at_office is not None
            and own[0] != "onsite"
            # (not the way before a change: "in-office only at first; hybrid after probation")
            and not triggers.any("change")
            and (own[1] is None or _in_aside(folded, at_office.end(), own[1].start))
            # (an aside granting some days at home is a second way: "出社勤務（週1回まで在宅可）")
            and not (
                own[0] == "hybrid"
                and own[1] is not None
                and _SOME_DAYS.search(folded, own[1].start, own[1].end) is not None
            )
        ):
            return "onsite", Span(at_office.start(), at_office.end())
        if own[0] is not None:
            return own
    return _remote_in(folded, triggers, windows)


def _in_aside(folded: str, after: int, at: int) -> bool:
    """``at`` lies in a parenthesis opened after ``after`` ("出社勤務（在宅勤務の制度は
    …運用していません）"): an aside to the way stated first, not a second way of work."""
    if at < after:
        return False
    return opens_a_bracket(folded[after:at])


def _remote_in(
    folded: str, triggers: Triggers, windows: list[tuple[int, int]]
) -> tuple[Remote | None, Span | None]:
    onsite = search_in(_REMOTE_ONSITE, folded, windows)
    full, _ = _job_own(_REMOTE_FULL, folded, windows, triggers, negatable=True)
    hybrid, hedged = _job_own(_REMOTE_HYBRID, folded, windows, triggers, negatable=True)
    if hybrid is None and hedged is not None and not onsite:
        hybrid = hedged  # a hedged remote option only when nothing else is said
    if full and (hybrid or onsite) and _of_a_named_team(folded, full):
        full = None  # another team's, when the posting says how else work is done
    if full:
        # the rest of its line, as far as a sentence goes: "Remote-first: work from home most
        # days and come to the office once a month" is hybrid
        line_end = folded.find("\n", full.end())
        reach = min(full.end() + _FULL_REACH, len(folded) if line_end < 0 else line_end)
        sentence_end = _SENTENCE_END.search(folded, full.end(), reach)
        reach = sentence_end.start() if sentence_end else reach
        nearby = folded[full.end() : full.end() + 40].split("\n", 1)[0]
        visit = None
        if not OPTIONAL_VISIT.search(nearby):
            # a visit word starting near the phrase, read with the rest of its line (its
            # negations reach past the 40 characters: "オフィスは目黒区上目黒にありますが")
            end_of_line = _line_end(folded, full.end())
            visit = next(
                (
                    whole
                    for near in _OFFICE_VISIT.finditer(folded, full.end(), full.end() + len(nearby))
                    if (whole := _OFFICE_VISIT.match(folded, near.start(), end_of_line)) is not None
                ),
                None,
            )
        # A hybrid phrase beside it; not one overlapping an explicit full-remote phrase
        # (フルリモート可 and "full remote OK" hold リモート可 and "remote OK").
        # Every explicit full-remote phrase around counts, not only the first: "Fully remote
        # OK — フルリモート可" says it twice, in two languages.
        around = (max(0, full.start() - 60), max(reach, full.start() + 60))
        fulls = [
            (m.start(), m.end())
            for m in _REMOTE_FULL.finditer(folded, *around)
            if m.group().startswith(_EXPLICIT_FULL)
        ]
        beside = [
            m
            for m in _REMOTE_HYBRID.finditer(folded, *around)
            if not any(m.start() < f_end and f_start < m.end() for f_start, f_end in fulls)
            and not _negated(folded, m)  # "Full remote (not hybrid)", ハイブリッドではありません
            # the way before a change: "1ヶ月目は週3日出社、2ヶ月目以降はフルリモート"
            and not (m.end() <= full.start() and _CHANGE.search(folded, m.end(), full.start()))
        ]
        labelled = any(
            m.end() <= full.start() and m.group().startswith(("hybrid", "ハイブリッド"))
            for m in beside
        )
        if visit or labelled or (beside and not OPTIONAL_VISIT.search(nearby)):
            return "hybrid", Span(full.start(), visit.end() if visit else full.end())
        later = _asked_visit(folded, full.end())
        if later is not None:
            return "hybrid", Span(full.start(), later.end())
        return "full", Span(full.start(), full.end())
    if (
        hybrid
        and onsite
        and _NO_HOME.search(onsite.group())
        and not _FULL_BEFORE.search(folded, max(0, onsite.start() - 2), onsite.start())
        # (no limit of the remote work: "海外からのリモートワークは不可", "試用期間中は…不可")
        and not _LIMITED_BEFORE.search(folded, max(0, onsite.start() - 12), onsite.start())
        and _MONTHLY_VISIT.search(hybrid.group())
    ):
        # no home working, and a monthly day at another office: "本社への出社は月1回…通常は
        # 立川サテライトオフィスで勤務…在宅勤務制度はありません"
        return "onsite", Span(onsite.start(), onsite.end())
    if (
        hybrid
        and (
            not onsite
            or hybrid.start() <= onsite.start()
            or "常駐" not in onsite.group()
            # the client site with its remote days in brackets: "顧客先常駐（一部リモート）"
            or folded[onsite.end() : hybrid.start()].strip() in _BETWEEN_ASIDE
        )
    ):
        return "hybrid", Span(hybrid.start(), hybrid.end())
    if onsite:
        return "onsite", Span(onsite.start(), onsite.end())
    return None, None


_NO_HOME = re.compile(r"在宅|リモート|テレワーク|remote|home")
_FULL_BEFORE = re.compile(r"フル|完全|full[- ]?$")
_LIMITED_BEFORE = re.compile(r"(?:海外|国外|からの|中は|期間|まで|のみ|以外)[^。\n]{0,6}$")
_MONTHLY_VISIT = re.compile(r"月\s?(?:\d|[一二三]|数)")
_BETWEEN_ASIDE = ("", "(", "（", "・", "/", "／", "、")


_EXPLICIT_SPONSOR = re.compile(
    r"sponsor|スポンサー|abroad|overseas|ビザ(?:サポート|支援)(?:あり|有|可|します|いたします)"
)
_RESIDENCE_ONLY = re.compile(
    r"在住|お住まい|居住|(?:live|living|reside|residing|based) in japan|residen(?:ce|cy) in japan"
)
# a sponsorship phrase said not to hold: "就労ビザのスポンサーには対応しておりません"
_DECLINED_AFTER = re.compile(
    r"(?:は|を|には|に)?\s?(?:対応|行って|して|でき|いたし|おこなって)[^\n。]{0,6}?(?:ません|かねます)"
)
_NEGATION_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bcannot|\bunable|\bno)\b[^.\n]{0,25}$")
_NAMES_A_VISA = re.compile(r"visa|sponsor|permit|ビザ|スポンサー|在留|就労|招へい|招聘|応募|国籍")


def _residence_only(no: re.Match[str]) -> bool:
    """A "no" that only asks for residence in Japan, naming no visa ("日本国内在住が条件")."""
    return _RESIDENCE_ONLY.search(no.group()) is not None and not _NAMES_A_VISA.search(no.group())


# Visa support said of others than the hire: family members (外国籍社員のご家族のビザ申請
# サポート, "Dependent visa support"), staff posted abroad (海外赴任者), another programme
# ("through our new-graduate program for overseas universities").
_OTHER_PEOPLE = re.compile(
    r"海外赴任者(?:の|向け|と)"
    r"|\b(?:for|to) (?:our )?(?:staff|employees) posted (?:abroad|overseas)\b"
    r"|\b(?:through|via|under|in) (?:our|the) (?:new[- ])?graduate program(?:me)?\b"
    r"|\b(?:through|via|under|in) (?:our|the) internship program(?:me)?\b"
)
_FAMILY = re.compile(r"家族|配偶者|扶養|\b(?:famil(?:y|ies)|dependents?|dependants?|spouses?)\b")
# the hire named too: "for you and your family", "engineers and their families", ご本人・ご家族
_THE_HIRE = re.compile(
    r"\byou\b|\byour\b|あなた|本人|candidates?|\bhires?\b"
    r"|\band (?:their |his or her )?famil(?:y|ies)\b|(?<!赴任者)(?:と|・|及び|および)(?:ご)?家族"
    # the family as well as the hire: "including support for family members", 家族の帯同もサポート
    r"|\bincluding\b|\bas well\b|\balso\b|\btoo\b|帯同|含(?:む|め)|家族(?:の[^、。\n]{0,6})?も|分も"
)
_HIRE_NAMED = re.compile(r"\byou\b|\byour\b|あなた|本人|candidates?|\bhires?\b")
# a clause of a line: the family named in another item ("ビザサポートあり、家族手当") is not
# the visa's
_VISA_CLAUSE_BREAK = re.compile(r"[、,;；/／・(（)）。]|\.\s")


def _for_others_than_the_hire(folded: str, m: re.Match[str]) -> bool:
    line_start = folded.rfind("\n", 0, m.start()) + 1
    end = folded.find("\n", m.end())
    line_end = len(folded) if end < 0 else end
    line = folded[line_start:line_end]
    if _OTHER_PEOPLE.search(line) is not None and _HIRE_NAMED.search(line) is None:
        return True
    if _FAMILY.search(line) is None or _THE_HIRE.search(line) is not None:
        return False
    before = [b.end() for b in _VISA_CLAUSE_BREAK.finditer(folded, line_start, m.start())]
    after = _VISA_CLAUSE_BREAK.search(folded, m.end(), line_end)
    clause = folded[before[-1] if before else line_start : after.start() if after else line_end]
    return _FAMILY.search(clause) is not None


def parse_visa(folded: str, triggers: Triggers) -> tuple[bool | None, Span | None]:
    windows = triggers.windows("visa", 70, 50)
    if not windows:
        return None, None
    noes = (
        m
        for m in finditer_in(_VISA_NO, folded, windows)
        if _stated(folded, m, triggers) and not _nationality_of_some_work(folded, m)
    )
    no = next(noes, None)
    yes = next(
        (
            m
            for m in finditer_in(_VISA_YES, folded, windows)
            if _stated(folded, m, triggers) and not _for_others_than_the_hire(folded, m)
        ),
        None,
    )
    if no and not (
        yes
        and _EXPLICIT_SPONSOR.search(folded, yes.start(), yes.end() + 4)
        and not _NEGATION_BEFORE.search(folded, max(0, yes.start() - 30), yes.start())
        and not _DECLINED_AFTER.match(folded, yes.end())
        and all(_residence_only(m) for m in (no, *noes))
    ):
        return False, Span(no.start(), no.end())
    if yes:
        # a residence condition ("フルリモート（日本国内在住が条件）") yields to sponsorship
        # stated outright ("ビザ：ビザサポートあり", "we can sponsor your visa")
        return True, Span(yes.start(), yes.end())
    return None, None


_NATIONALITY = re.compile(r"外国籍|日本国籍|japanese (?:citizen|national)")
# What a nationality condition may be said of, short of the whole job: some projects
# (※一部の官公庁案件は日本国籍必須), an allowance (日本国籍の方のみ対象の手当).
_SOME_OF_THE_WORK = re.compile(
    r"一部|案件|プロジェクト|現場|手当|官公庁|防衛|\bsome\b|projects?\b|allowance|defen[cs]e|government"
)


def _nationality_of_some_work(folded: str, m: re.Match[str]) -> bool:
    """A nationality condition said of some projects or a benefit, not of the job."""
    if not _NATIONALITY.match(m.group()):
        return False
    line_start = folded.rfind("\n", 0, m.start()) + 1
    begin = max(
        [line_start, *(e.end() for e in _SENTENCE_END.finditer(folded, line_start, m.start()))]
    )
    line_end = folded.find("\n", m.end())
    line_end = len(folded) if line_end < 0 else line_end
    end = _SENTENCE_END.search(folded, m.end(), line_end)
    return _SOME_OF_THE_WORK.search(folded, begin, end.start() if end else line_end) is not None


_QUESTION_END = re.compile(r"[^.!。！\n]{0,40}?[?？]")


def _stated(folded: str, m: re.Match[str], triggers: Triggers) -> bool:
    """The phrase states this role's condition: not part of a question ("Can I apply from
    overseas?", which states nothing by itself; its answer may), nor said of another opening
    or of the agency's own staff."""
    return (
        _QUESTION_END.match(folded, m.end()) is None
        and _BLANK_VALUE.match(folded, m.end()) is None
        and not said_of_others(folded, m.start(), m.end(), triggers)
    )


# A field label left without a value: "ビザサポート　：—", "ビザサポート," in an export.
_BLANK_VALUE = re.compile(r"[ \t\u3000]*[:：,|][ \t\u3000]*(?:[-—–ー―][ \t\u3000]*)?(?:\n|$)")


_NONE_OF_THE_FOUR = re.compile(r"アルバイト|パート|インターン|part[- ]time|intern(?:ship)?\b")
_TEMP_TO_PERM = re.compile(
    r"紹介予定派遣|temp[- ]to[- ](?:perm|hire)"
    # machine translations of 紹介予定派遣
    r"|temporary[- ]to[- ](?:permanent|perm|hire)|introduction[- ]scheduled dispatch"
)


def parse_employment(
    folded: str, triggers: Triggers, title: str = ""
) -> tuple[EmploymentType | None, Span | None]:
    windows = triggers.windows("employment", 30, 40)
    # 紹介予定派遣 is dispatch until the direct hire, whatever the posting says of the
    # employment after it (直接雇用後は正社員)
    temp_to_perm = search_in(_TEMP_TO_PERM, folded, windows)
    if temp_to_perm:
        return "dispatch", Span(temp_to_perm.start(), temp_to_perm.end())
    field = search_in(_EMPLOYMENT_FIELD, folded, windows)
    if field:  # the 雇用形態 / Employment type line decides when there is one
        line_end = folded.find("\n", field.end())
        line = folded[field.end() : line_end if line_end >= 0 else len(folded)]
        if not line.strip(" :：\t"):  # heading on its own line: read the next line
            nxt = folded.find("\n", line_end + 1) if line_end >= 0 else -1
            base = line_end + 1
            line = folded[base : nxt if nxt >= 0 else len(folded)]
        else:
            base = field.end()
        best = _first(line, base)
        if best:
            return best
        if _NONE_OF_THE_FOUR.search(line):  # 雇用形態：アルバイト, "Part-time", an internship
            return None, None
    for start, end in windows:
        # "Those visas were for permanent positions. This is a fixed-term contract role.":
        # what the posting says this role is wins over a kind named before it
        said = _THIS_ROLE_IS.search(folded, start, end)
        if said is not None:
            stop = _SENTENCE_STOP.search(folded, said.end(), said.end() + _THIS_ROLE_IS_REACH)
            own = _first(folded[said.end() : stop.start() if stop else end], said.end())
            if own is not None:
                return own
    for start, end in windows:
        found = _first(folded[start:end], start)
        while found is not None:
            # not the role's kind: the kinds a product handles, its customers, a desk's hours
            past = _not_a_kind_of_employment(folded, found[1].start, found[1].end)
            if past is None:
                break
            found = _first(folded[past:end], past) if past < end else None
        if found and said_of_others(folded, found[1].start, found[1].end, triggers):
            found = None  # "当社では社内アドバイザー（契約社員）も募集しています"
        if found:
            if found[0] == "contract" and folded.startswith("contract", found[1].start):
                # "Contract role" beside "independent contractor agreement": the contract
                # is a freelancer's, not a fixed-term employee's
                freelance = search_in(_FREELANCE, folded, windows)
                if freelance is not None:
                    return "freelance", Span(freelance.start(), freelance.end())
            return found
    if title:
        titled = _first(title, 0)
        if titled:
            return titled[0], None
    return None, None


# Words of employment that say nothing of the role's own: a list of kinds a product or a
# company handles ("正社員・契約社員・派遣社員・業務委託など多様な雇用形態のスタッフ"), a
# product or its customers (派遣管理SaaS, 人材派遣会社向け, 「フリーランス…」, "manage
# dispatched workers"), the hours of a desk or of other staff ("our support desk runs
# full-time, 24/7", full-timeのスタッフが24時間対応).
_KIND = r"(?:正社員|契約社員|派遣社員|派遣|業務委託|アルバイト|パート(?:タイム)?|フリーランス)"
_LIST_OF_KINDS = re.compile(
    rf"{_KIND}(?:\s?[・、/／,]\s?{_KIND}){{1,}}\s?(?:など|等|といった|を問わず|問わず|の多様|多様)"
)
_PRODUCT_OR_CUSTOMER = re.compile(
    r"(?:派遣|フリーランス|業務委託|正社員|契約社員)(?:社員|スタッフ|人材|エンジニア)?"
    r"(?:管理|業界|向け|と企業|の(?:管理|勤怠|給与|方々の))"
    r"|(?:manage|managing|manages|track|tracking|for) (?:their |your )?"
    r"(?:(?:part|full)[- ]time,? (?:and|or|&) )?(?:dispatched|temporary"
    r"|full[- ]time|part[- ]time|contract|freelance)"
    r"|freelancer? (?:marketplace|platform|matching|market)"
)
_HOURS_OF_A_DESK = re.compile(
    r"full[- ]time,? (?:24/7|24 hours|around the clock)|full[- ]time\s?の?(?:スタッフ|社員)が"
    r"|(?:runs|run|staffed|open|operates|operated) full[- ]time"
)
_DESK_REACH = 12  # characters before a "full-time" looked at for "runs", "staffed"


def _not_a_kind_of_employment(folded: str, start: int, end: int) -> int | None:
    """Where to read on when the employment word at [start, end) is not said of the role,
    else None."""
    listed = _LIST_OF_KINDS.match(folded, start)
    if listed is None:  # the word may sit inside such a list: look back to its start
        line = max(folded.rfind("\n", 0, start), folded.rfind("。", 0, start), start - 40)
        for m in _LIST_OF_KINDS.finditer(folded, line + 1, min(len(folded), end + 60)):
            if m.start() <= start < m.end():
                listed = m
                break
    if listed is not None:
        return listed.end()
    # "manage dispatched workers", "track their part-time and full-time nurses", 人材派遣会社向け
    lead = max(0, start - 32)
    for m in _PRODUCT_OR_CUSTOMER.finditer(folded, lead, min(len(folded), end + 8)):
        if m.start() < end and start < m.end():  # the phrase holds the word itself
            return end
    if folded.rfind("「", max(0, start - 8), start) > folded.rfind("」", max(0, start - 8), start):
        return end  # a product's name: 「フリーランスゲート」
    if _HOURS_OF_A_DESK.search(folded, max(0, start - _DESK_REACH), min(len(folded), end + 12)):
        return end
    return None


# "This is a fixed-term contract role", "This position is full-time", 本ポジションは契約社員
# での募集です: the kind stated of the role itself, read up to the sentence's end.
_THIS_ROLE_IS = re.compile(
    r"\bthis (?:is|will be) an?\s|\bthis (?:role|position|job|opening) (?:is|will be)\s(?:an?\s)?"
    r"|(?:本ポジション|本求人|このポジション|この求人|当ポジション|本職種)(?:は|の雇用形態は)"
)
_SENTENCE_STOP = re.compile(r"[.!?;](?:\s|$)|[。！？\n]")
_THIS_ROLE_IS_REACH = 60  # characters read after such an opening

# "本求人は当社の契約社員・派遣社員の募集ではありません": a kind named to say it is not this one
_NOT_THIS_KIND = re.compile(r"[^。\n]{0,12}?(?:ではありません|ではございません|ではない|ではなく)")


# A fixed term makes a full-time post a contract one: "Full-time, fixed-term (grant-funded)".
_FIXED_TERM = re.compile(r"fixed[- ]term|有期|任期付|会計年度任用")
_FIXED_TERM_REACH = 40  # characters between "full-time" and the fixed term that qualifies it


def _first(text: str, base: int) -> tuple[EmploymentType, Span] | None:
    hits = []
    for pattern, kind in _EMPLOYMENT:
        m = pattern.search(text)
        while m is not None and _NOT_THIS_KIND.match(text, m.end()):
            m = pattern.search(text, m.end())
        if m is not None:
            hits.append((m.start(), kind, m.end()))
    if not hits:
        return None
    start, kind, end = min(hits)
    if kind == "full_time":
        fixed = next(
            (
                h
                for h in hits
                if h[1] == "contract"
                and _FIXED_TERM.match(text, h[0])
                # "Full-time, permanent (no fixed term)", "not a fixed-term contract"
                and not _NEGATED_BEFORE.search(text, max(0, h[0] - 12), h[0])
            ),
            None,
        )
        if fixed is not None and fixed[0] - end <= _FIXED_TERM_REACH:
            start, kind, end = fixed
    return kind, Span(base + start, base + end)


def _figure(m: re.Match[str]) -> tuple[str, int]:
    """The group of _YEARS that matched and the number of years it reads."""
    # (a match's pattern is its first character's, with every group of the whole pattern)
    groups = _WITH_MONTHS if "m1" in m.re.groupindex else _STRONG + _WEAK
    group = next(g for g in groups if m.group(g))
    raw = m.group(group)
    if group in _IN_MONTHS:
        months = 6 if raw == "半" else int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        return group, months // 12
    years = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    if group == "e8" and m.string.endswith("half a ", 0, m.start()):
        return group, 5  # "half a decade"
    return group, max(0, years - 1) if group == "j4" else years


# Hiring tracks for one position, each with its own requirement ("【未経験者枠】 / 【経験者枠】
# 開発経験2年以上", "Junior track … 1 year or more / Experienced track … 4 years or more"): the
# least demanding track is the minimum.
_TRACK = re.compile(
    r"(?m)^[ \t【\[■◆●#*=\-]*"
    r"(?:(?:未経験者?|経験者|ジュニア|シニア|ミドル|新卒|第二新卒)(?:採用)?枠"
    r"|(?:junior|experienced|senior|entry(?:-level)?|graduate|mid(?:-level)?|career) track\b)"
)
_TRACK_END = re.compile(r"(?m)^[ \t【\[■◆●#*=\-]*(?:共通|common|both tracks|all tracks)|\n\s*\n")


def _track_years(folded: str) -> tuple[int, Span] | None:
    heads = list(_TRACK.finditer(folded))
    if len(heads) < 2:
        return None
    best: tuple[int, Span] | None = None
    for i, head in enumerate(heads):
        stop = heads[i + 1].start() if i + 1 < len(heads) else len(folded)
        end = _TRACK_END.search(folded, head.end(), stop)
        block_end = end.start() if end else stop
        found: tuple[int, Span] | None = None
        waiver = _NO_EXPERIENCE.search(folded, head.start(), block_end)
        if waiver is not None or "未経験" in head.group():
            at = waiver or head
            found = (0, Span(at.start(), at.end()))
        else:
            for m in _YEARS.finditer(folded, head.end(), block_end):
                line_start = folded.rfind("\n", 0, m.start()) + 1
                if _PLUS_LINE.search(folded, line_start, _line_end(folded, m.end())):
                    continue
                years = _figure(m)[1]
                if found is None or years < found[0]:
                    found = (years, Span(m.start(), m.end()))
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return best


# Figures of years read at most: a posting states a few (a grade table a few dozen). Each
# costs scans of its line and clause (~0.3 ms on one long line), so a text of nothing but
# "経験3年以上" took 40 s for 1 MB; past this many, it is a paste of many postings.
_MAX_FIGURES = 500


def parse_years(
    folded: str, sections: Sections, triggers: Triggers
) -> tuple[int | None, Span | None]:
    if triggers.any("tracks"):
        by_track = _track_years(folded)
        if by_track is not None:
            return by_track
    windows = triggers.windows("years", 40, 70)
    candidates: list[tuple[int, int, int, int]] = []  # (priority, start, end, years)
    specific: tuple[int, int, int] | None = None  # a first required figure tied to one skill
    held_lead = False  # whether that figure is about leading or managing
    waived: bool | None = None  # whether experience of the work is waived (read once)
    pattern = _YEARS_OR_MONTHS if triggers.any("months") else _YEARS
    speakers = triggers.any("speaker")
    graded: list[tuple[str, int, int, int]] = []  # figures on rows opened by a grade label
    for count, m in enumerate(finditer_in(pattern, folded, windows)):
        if count == _MAX_FIGURES:
            break
        group, years = _figure(m)
        if years > 30:
            continue
        line_start = folded.rfind("\n", 0, m.start()) + 1
        at = bisect_right(sections.starts, m.start()) - 1
        if at >= 0 and sections.starts[at] > line_start:
            # a label inside a line whose breaks were lost ("… Preferred: 3 years …
            # Conditions: …"): the figure's line starts at it, and ends at the next
            line_start = sections.starts[at]
        section_end = sections.starts[at + 1] if at + 1 < len(sections.starts) else len(folded)
        label = GRADE.match(folded, line_start + _indent(folded, line_start))
        if label is not None:
            graded.append((label.group(), m.start(), m.end(), years))
        where = section_kind(folded, line_start, sections, m.start())
        # A line labelled "Must have: 4+ years …" / "必須：…" is a heading with its content:
        # its own label decides, whatever list the lines above it were in.
        own = bisect_left(sections.starts, line_start)
        if own < len(sections.starts) and sections.starts[own] == line_start:
            where = {"required": "required", "preferred": "preferred"}.get(
                sections.kinds[own], where
            )
        clause = _clause(folded, line_start, m.start(), m.end(), section_end)
        if folded[max(0, m.start() - 3) : m.start()].rstrip().endswith(("□", "☐")):
            continue  # an unchecked box of a form: "□1年以上 □2年以上 ■3年以上"
        if group == "e16" and not _PERSON_WANTED.search(
            folded, sentence_start(folded, line_start, m.start(), 120), m.start()
        ):
            continue  # "half of us have been writing software for ten years or more"
        if speakers and (
            _SPEAKER.search(
                folded, sentence_start(folded, line_start, m.start(), _SPEAKER_REACH), m.start()
            )
            or (
                where != "required"
                and _ADDRESSEE_AFTER.search(
                    folded, m.start(), min(_line_end(folded, m.end()), m.end() + 40)
                )
            )
        ):
            continue  # the reader's or the writer's own years (a scout, a post)
        # the last label before the figure on its line: "* Requirements: 3+ years"
        inline = None
        if (
            folded.find(":", line_start, m.start()) >= 0
            or folded.find("：", line_start, m.start()) >= 0
        ):
            for label in _INLINE_LABEL.finditer(folded, line_start, m.start()):
                inline = label
        if inline is not None:
            where = "required" if inline.group("req") else "preferred"
        if where != "required" and (
            _LINE_REQUIRED.search(folded, line_start, _line_end(folded, m.end()))
            or _NAMED_REQUIRED.search(folded, max(line_start, m.start() - 30), m.end())
        ):
            where = "required"
        elif _PREFERRED_ROW.match(folded, line_start) or _under_a_preference_field(
            folded, line_start
        ):
            where = "preferred"
        near = _near_figure(clause, m.group())
        # "not asked" said in the figure's own sentence (a run-on line's clause may hold a
        # company's founders or age far from it)
        stop = _SENTENCE_END.search(folded, m.end(), m.end() + 200)
        sentence = folded[
            sentence_start(folded, line_start, m.start(), 200) : stop.end()
            if stop
            else m.end() + 200
        ]
        # "5+ years ideally, but strong engineers with 2+ years are welcome to apply": the
        # figure of those invited to apply is the least that is asked
        invited = where != "preferred" and _INVITED_AFTER.search(
            folded, m.end(), min(_line_end(folded, m.end()), m.end() + 40)
        )
        if not invited and (
            where == "preferred"
            or _PLUS_LINE.search(near)
            or (_NOT_ASKED.found(clause) and _NOT_ASKED.found(sentence))
        ):
            continue
        if _WISH_WORD.search(folded, max(line_start, m.start() - 120), m.start()) and (
            _PREFERRED_OPENING.match(folded, sentence_start(folded, line_start, m.start(), 120))
        ):
            continue  # "歓迎するのは、開発経験5年以上の方、…": a sentence of wishes
        if _ANY_WORK.search(clause):
            # years of work in any job, beside a waiver of engineering experience
            # ("実務経験：不問（開発未経験可）/ 社会人経験2年以上（業界不問）"): no experience
            # of the work is asked
            if waived is None:
                waived = search_in(_NO_EXPERIENCE, folded, windows) is not None
            if waived:
                continue
        if group in _WEAK and where != "required" and not _EXPERIENCE_WORD.search(clause):
            # a bare "3年以上" outside a requirements list, unless its clause is about
            # experience ("★経験者採用（実務3年以上）★", "experienced hire: 4+ years")
            continue
        if where == "required" and specific is None:
            either = _either_list(folded, sections, line_start)
            if either is not None:
                # "次のいずれかに該当する方 / ・Rubyでの開発経験3年以上 / ・その他の言語で5年以上":
                # the items are paths, and the least demanding one is the minimum
                fewest = _fewest_in(folded, either)
                if fewest is not None:
                    candidates.append((0, *fewest))
                    break
        if where == "required":
            # The first figure under a requirements heading wins, unless it is about one skill
            # ("Rubyでの開発経験2年以上", "1+ year with Kotlin") and a later, larger one is general
            # ("Webエンジニアとしての実務経験4年以上", "4+ years of server-side development").
            if specific is None:
                # a lead or management figure first ("リーダー経験2年以上") is held like one
                # about a skill: a later general one is the minimum
                if not _is_specific(clause) and not _LEAD.search(clause):
                    candidates.append((0, m.start(), m.end(), years))
                    break
                specific = (m.start(), m.end(), years)
                held_lead = bool(_LEAD.search(clause))
            elif not _LEAD.search(clause) and (
                (years > specific[2] and not _is_specific(clause)) or held_lead
            ):
                # a general figure larger than the held one; or, past a lead figure, the
                # first one about the work itself ("Javaを用いた開発経験5年以上")
                candidates.append((0, m.start(), m.end(), years))
                break
            continue
        candidates.append((1, m.start(), m.end(), years))
    if specific is not None and not any(c[0] == 0 for c in candidates):
        candidates.append((0, *specific))
    if candidates:
        priority, start, end, years = min(candidates)
        if priority > 0:
            # no figure is asked, and the requirements waive experience ("未経験可"): a
            # figure elsewhere (another track, the team) is not this job's minimum
            waiver = search_in(_NO_EXPERIENCE, folded, windows)
            if waiver is not None:
                waiver_line = folded.rfind("\n", 0, waiver.start()) + 1
                if section_kind(folded, waiver_line, sections, waiver.start()) == "required":
                    return 0, Span(waiver.start(), waiver.end())
        years_found, span = _fewest_of_alternatives(folded, start, end, years)
        lower = _LOWER_FOR_SOME.search(folded, end, end + _LOWER_REACH)
        if lower is not None:
            group = "n" if lower.group("n") else "n2"
            if int(lower.group(group)) < years_found:
                # "…2年以上 ※情報系の大学を卒業された方は実務経験1年以上で応募可能です", "5+
                # years. We will consider candidates with 3+ years if …": a lower path
                return int(lower.group(group)), Span(lower.start(group), lower.end(group))
        return years_found, span
    if "|" in folded:
        in_table = _table_years(folded, sections) or _column_table_years(folded)
        if in_table is not None:
            return in_table
    flattened = _flattened_table_years(folded) if triggers.any("table") else None
    if flattened is not None:
        return flattened
    if "," in folded and _CSV_HINT.search(folded):
        in_export = _csv_years(folded)
        if in_export is not None:
            return in_export
    by_grade = _graded_years(folded, graded)
    if by_grade is not None:
        return by_grade
    none = search_in(_NO_EXPERIENCE, folded, windows)
    if none:
        if "年数" in none.group() and _asks_work_experience(folded, sections, none):
            # "経験年数：不問" beside "必須：Railsでの業務開発経験": experience is asked, only
            # no number of years; not "no experience required"
            return None, None
        return 0, Span(none.start(), none.end())
    return None, None


_WORK_EXPERIENCE = re.compile(
    r"[^\n]*(?:(?:業務|実務)[^\n]{0,10}?経験|開発経験|に(?:携わった|従事した)経験)[^\n]*"
)
_LEARNING = re.compile(r"学習|独学|スクール|未経験|不問|問いません|なくても")


# A lower figure for some candidates stated right after the requirement.
_LOWER_FOR_SOME = re.compile(
    r"(?:方|者)は[^。\n]{0,25}?(?P<n>\d{1,2})\s?年以上で(?:も)?(?:ご)?(?:応募)?(?:可|ok|可能|いただけます)"
    r"|\bwe (?:will|would|can|may) (?:also )?consider (?:candidates|applicants|people) with"
    r" (?P<n2>\d{1,2})\+? years"
)
_LOWER_REACH = 160  # characters after a figure searched for such a lower path


def _asks_work_experience(folded: str, sections: Sections, waiver: re.Match[str]) -> bool:
    """A requirement asks for experience of the work itself (業務開発経験, 開発経験), not of
    learning it (学習経験（独学可）) nor waived (実務未経験の方も); the waiver of a number of
    years itself may stand on its line ("…に携わった経験（経験年数は問いません）")."""
    for line in _WORK_EXPERIENCE.finditer(folded):
        text = line.group()
        if line.start() <= waiver.start() < line.end():
            # the waiver as an aside of the asked experience: "…経験（経験年数は問いません）"
            at = waiver.start() - line.start()
            opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
            if opened >= 0 and max(text.rfind(")", 0, at), text.rfind("）", 0, at)) < opened:
                text = text[:opened]
        if _LEARNING.search(text):
            continue
        start = line.start()
        if "必須" in line.group() or section_kind(folded, start, sections, start) == "required":
            return True
    return False


# A requirements table: "| Years in backend engineering | 6+ | 8+ |" under a header row
# "| Requirement | Must have | Nice to have |"; the figure is in the must-have column.
_TABLE_YEARS_ROW = re.compile(
    r"(?m)^[ \t]*\|?[ \t]*(?:(?:minimum )?years?\b|経験年数|実務経験|年数|experience)[^|\n]*\|"
)
_CELL_FIGURE = re.compile(
    r"[ \t]*(?:min(?:imum)?\.? )?(\d{1,2})[ \t]?(?:\+|年以上|年|years?\+?|yrs?\+?)?[ \t]*$"
)
_TABLE_MAX_ROWS = 30  # rows read above a years row for its header; years rows read
_REQUIRED_COLUMN = re.compile(r"must|required|minimum|mandatory|必須")
_PREFERRED_COLUMN = re.compile(r"nice|prefer|plus|bonus|ideal|歓迎|尚可|優遇")


def _cells(folded: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Bounds of the cells of the table row at [begin, end), the first (label) cell left out;
    the row may leave out its outer bars ("Years of experience | 3+ | Backend")."""
    bars = [i for i in range(begin, end) if folded[i] == "|"]
    if not bars:
        return []
    if folded[begin:end].lstrip().startswith("|"):
        bars = bars[1:]
    if folded[begin:end].rstrip()[-1:] != "|":
        bars.append(end)
    return [(a + 1, b) for a, b in pairwise(bars)]


def _table_years(folded: str, sections: Sections) -> tuple[int, Span] | None:
    """The years figure of a requirements table's years row, in its must-have column; or in
    its first column when the header names no columns and the table is under requirements."""
    for count, row in enumerate(_TABLE_YEARS_ROW.finditer(folded)):
        if count >= _TABLE_MAX_ROWS:
            break
        end = _line_end(folded, row.start())
        header_start = row.start()
        for _ in range(_TABLE_MAX_ROWS):  # up to the table's first row
            if header_start == 0:
                break
            above = folded.rfind("\n", 0, header_start - 1) + 1
            if "|" not in folded[above:header_start]:
                break
            header_start = above
        else:
            header_start = row.start()  # a table too long to be a requirements table
        header: list[str] = []
        requirements_table = False
        if header_start < row.start():
            header_end = _line_end(folded, header_start)
            header = [folded[a:b] for a, b in _cells(folded, header_start, header_end)]
            first_bar = folded.find("|", header_start, header_end)
            label = folded[header_start : first_bar if first_bar >= 0 else header_end]
            requirements_table = bool(_REQUIRED_COLUMN.search(label) or "requirement" in label)
        for index, (a, b) in enumerate(_cells(folded, row.start(), end)):
            figure = _CELL_FIGURE.match(folded, a, b)
            if figure is None or not folded[a:b].strip():
                continue
            column = header[index] if index < len(header) else ""
            if _PREFERRED_COLUMN.search(column):
                continue
            if not _REQUIRED_COLUMN.search(column) and not requirements_table:
                line_start = folded.rfind("\n", 0, row.start()) + 1
                if section_kind(folded, line_start, sections, row.start()) != "required":
                    continue
            return int(figure.group(1)), Span(figure.start(1), figure.end(1))
    return None


# A table with a years column and a column saying whether each row is required ("| Skill |
# Years | Required? |", "| Must / Want | 内容 | 年数 |").
_YEARS_HEADER = re.compile(r"[ \t]*(?:years?(?: of experience)?|yrs|年数|経験年数)[ \t]*")
_REQUIRED_HEADER = re.compile(
    r"[ \t]*(?:required\??|must(?: / want)?|必須(?:/歓迎)?|required ?/ ?preferred)[ \t]*"
)
_REQUIRED_CELL = re.compile(r"[ \t]*(?:yes|y|required|must|必須|○|◯|✓|✔)[ \t]*")
_SEPARATOR_ROW = re.compile(r"[ \t|:\-]+")


def _row_cells(folded: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Bounds of every cell of the table row at [begin, end), outer bars left out."""
    bars = [i for i in range(begin, end) if folded[i] == "|"]
    if not bars:
        return []
    edges = bars if folded[begin : bars[0]].strip() == "" else [begin - 1, *bars]
    if folded[edges[-1] + 1 : end].strip():
        edges.append(end)
    return [(a + 1, b) for a, b in pairwise(edges)]


def _column_table_years(folded: str) -> tuple[int, Span] | None:
    """The years figure of the first required row of a table with a years column."""
    begin = 0
    while (bar := folded.find("|", begin)) >= 0:
        line_start = folded.rfind("\n", 0, bar) + 1
        line_end = _line_end(folded, bar)
        begin = line_end + 1
        header = _row_cells(folded, line_start, line_end)
        years_col = next(
            (i for i, (a, b) in enumerate(header) if _YEARS_HEADER.fullmatch(folded, a, b)), None
        )
        required_col = next(
            (i for i, (a, b) in enumerate(header) if _REQUIRED_HEADER.fullmatch(folded, a, b)),
            None,
        )
        if years_col is None or required_col is None:
            continue
        row_start = line_end + 1
        while row_start < len(folded) and "|" in line_at(folded, row_start):
            row_end = _line_end(folded, row_start)
            cells = _row_cells(folded, row_start, row_end)
            if not _SEPARATOR_ROW.fullmatch(folded, row_start, row_end) and len(cells) > max(
                years_col, required_col
            ):
                a, b = cells[years_col]
                figure = _CELL_FIGURE.match(folded, a, b)
                if figure is not None and _REQUIRED_CELL.fullmatch(folded, *cells[required_col]):
                    return int(figure.group(1)), Span(figure.start(1), figure.end(1))
            row_start = row_end + 1
        begin = row_start
    return None


_ANSWER_CELL = re.compile(
    r"[ \t]*(?:yes|no|y|n|required|preferred|must|want|必須|歓迎|○|◯|✓|✔|×|-|–|—)[ \t]*"
)
_EMPTY_CELL = re.compile(r"[ \t]*[-–—]?[ \t]*")
_MAX_CELL = 60  # characters: a longer line is prose, not a table cell


def _flattened_table_years(folded: str) -> tuple[int, Span] | None:
    """A table copied from a web page with one cell a line: a header of short lines holding a
    years cell and a required cell ("Requirement / Years / Required / Preferred"), then rows
    of as many lines. The years figure of its first required row."""
    lines: list[tuple[int, int]] = []
    begin = 0
    while begin <= len(folded):
        end = _line_end(folded, begin)
        lines.append((begin, end))
        begin = end + 1
    for i, (a, b) in enumerate(lines):
        if not _YEARS_HEADER.fullmatch(folded, a, b):
            continue
        for first in range(max(0, i - 3), i + 1):
            for width in range(i - first + 1, 6):
                header = lines[first : first + width]
                required = next(
                    (
                        j
                        for j, (c, d) in enumerate(header)
                        if _REQUIRED_HEADER.fullmatch(folded, c, d)
                    ),
                    None,
                )
                if required is None or any(d - c > _MAX_CELL or c == d for c, d in header):
                    continue
                found = _first_required_row(
                    folded, lines, first + width, width, i - first, required
                )
                if found is not None:
                    return found
    return None


def _first_required_row(
    folded: str, lines: list[tuple[int, int]], start: int, width: int, years: int, required: int
) -> tuple[int, Span] | None:
    """Reading rows of ``width`` lines from ``start``: the figure of the first required one;
    None as soon as a row is not shaped like the header (not such a table)."""
    while start + width <= len(lines):
        row = lines[start : start + width]
        (ya, yb), (ra, rb) = row[years], row[required]
        figure = _CELL_FIGURE.match(folded, ya, yb)
        if not _ANSWER_CELL.fullmatch(folded, ra, rb) or (
            figure is None and not _EMPTY_CELL.fullmatch(folded, ya, yb)
        ):
            return None
        if figure is not None and _REQUIRED_CELL.fullmatch(folded, ra, rb):
            return int(figure.group(1)), Span(figure.start(1), figure.end(1))
        start += width
    return None


# An export's header row naming the minimum years ("経験年数_下限", "min_experience_years"),
# and its data row below it.
_CSV_MIN_YEARS = re.compile(
    r"[ \t\"]*(?:経験年数(?:_?下限|_?min|\(下限\))?|min(?:imum)?_?(?:experience|exp)(?:_years)?"
    r"|(?:years_of_)?experience(?:_years)?_min)[ \t\"]*"
)
_CSV_HINT = re.compile(r"経験年数_|min(?:imum)?_?exp|experience_(?:years_)?min|years_of_experience")
_CSV_FIGURE = re.compile(r"[ \t\"]*(\d{1,2})[ \t\"]*")


def _csv_years(folded: str) -> tuple[int, Span] | None:
    for header in re.finditer(r"[^\n]*,[^\n]*,[^\n]*", folded):
        names = header.group().split(",")
        column = next((i for i, n in enumerate(names) if _CSV_MIN_YEARS.fullmatch(n)), None)
        if column is None:
            continue
        row_start = header.end() + 1
        while row_start < len(folded) and folded.startswith("#", row_start):
            row_start = _line_end(folded, row_start) + 1  # a comment line of the export
        row = line_at(folded, row_start)
        values = row.split(",")
        if len(values) != len(names):
            continue
        offset = row_start + sum(len(v) + 1 for v in values[:column])
        figure = _CSV_FIGURE.fullmatch(values[column])
        if figure is not None:
            return int(figure.group(1)), Span(offset + figure.start(1), offset + figure.end(1))
    return None


def _graded_years(folded: str, graded: list[tuple[str, int, int, int]]) -> tuple[int, Span] | None:
    """Years published per grade, one row a grade ("G4　シニアエンジニア　5年以上　650万〜"),
    and the opening named at one of them ("今回の募集グレード：G4"): that row's figure.
    ``graded``: (grade, start, end, years) of the figures on rows a grade label opens."""
    rows: list[tuple[str, int, int, int]] = []
    for row in graded:
        if row[0] not in {r[0] for r in rows}:
            rows.append(row)
    if len(rows) < 2:
        return None
    first_line = folded.rfind("\n", 0, rows[0][1]) + 1
    last_line = folded.find("\n", rows[-1][1])
    outside = folded[:first_line] + "\n" + folded[len(folded) if last_line < 0 else last_line :]
    for grade, start, end, years in rows:
        if advertised(outside, grade):
            return years, Span(start, end)
    return None


_INDENT = re.compile(r"[ \t・\-*•|]*")


def _indent(folded: str, line_start: int) -> int:
    m = _INDENT.match(folded, line_start)
    return m.end() - line_start if m else 0


def parse_title_years(folded_title: str) -> int | None:
    """The minimum a title states when the text states none: "Senior Backend Engineer
    (5+ yrs)", "テックリード（経験8年以上）", "Graduate Engineer (No Experience Required)".
    A title is a headline, so a figure marked as a minimum counts ("5+ yrs", "3年以上"), but
    not "10 years of our platform"; the smallest one is the minimum."""
    fewest: int | None = None
    for m in _YEARS_OR_MONTHS.finditer(folded_title):
        group, years = _figure(m)
        clause = _clause(folded_title, 0, m.start(), m.end())
        if years > 30 or _PLUS_LINE.search(clause) or _NOT_ASKED.found(clause):
            continue
        if group == "w3" and not _EXPERIENCE_WORD.search(clause):
            continue
        fewest = years if fewest is None else min(fewest, years)
    if fewest is None and (
        _NO_EXPERIENCE.search(folded_title) or _GRADUATE_TITLE.search(folded_title)
    ):
        return 0
    return fewest


# A role for graduates named by its title: "Graduate Software Engineer (April intake)",
# "New Grad Backend Engineer", "【新卒】サーバーサイドエンジニア" (not 第二新卒: years of work).
_GRADUATE_TITLE = re.compile(
    r"^\W*(?:graduate|new[- ]grad(?:uate)?s?)\b(?! (?:degree|school|level|diploma))"
    r"|\b(?:graduate|new[- ]grad(?:uate)?) (?:software |backend |server[- ]side )?"
    r"(?:engineer|developer|programme|program)|(?<!第二)新卒"
)


# A list whose items are alternatives: "次のいずれかに該当する方", "one of the following".
_EITHER = re.compile(
    r"いずれか|どちらか|(?:one|any|either) of the following|at least one of the following"
)
# How far above a figure's line the words that open its list may be.
_EITHER_REACH = 150


def _either_list(folded: str, sections: Sections, line_start: int) -> tuple[int, int] | None:
    """The list holding the line at ``line_start`` (from the words that open it to the blank
    line or heading that ends it) when those words say its items are alternatives."""
    top = max(folded.rfind("\n\n", 0, line_start), line_start - _EITHER_REACH, 0)
    opener = _EITHER.search(folded, top, line_start)
    if opener is None:
        return None
    end = folded.find("\n\n", line_start)
    end = len(folded) if end < 0 else end
    following = bisect_left(sections.starts, line_start + 1)
    if following < len(sections.starts):
        end = min(end, sections.starts[following])
    return opener.end(), end


def _fewest_in(folded: str, bounds: tuple[int, int]) -> tuple[int, int, int] | None:
    """(start, end, years) of the smallest figure asked for between ``bounds``."""
    fewest: tuple[int, int, int] | None = None
    for m in _YEARS_OR_MONTHS.finditer(folded, *bounds):
        _, years = _figure(m)
        line_start = folded.rfind("\n", 0, m.start()) + 1
        clause = _clause(folded, line_start, m.start(), m.end())
        if years > 30 or _PLUS_LINE.search(clause) or _NOT_ASKED.found(clause):
            continue
        if fewest is None or years < fewest[2]:
            fewest = (m.start(), m.end(), years)
    return fewest


# Between two figures of one line: they are alternatives ("PM経験2年以上、もしくはエンジニア経験
# 5年以上", "5+ years, or 3+ years with a PhD"), unless one is part of the other ("うち").
# A slash between items: spaced, or after Japanese or a bracket ("2年以上(必須)/AWSの経験"),
# not one between Latin letters ("CI/CD", "Java/Kotlin")
_ITEM_SLASH = r"\s/\s|(?:(?<=[^\x00-\x7f])|(?<=[)\]]))/"
# Items of a run-on line: "8+ years required / Go or C++ / Nice: 3+ yrs with ROS"
_ITEM_BREAK = prefiltered(_ITEM_SLASH + r"|(?:^|\s)(?:nice|plus|bonus|preferred)\s?:")
_ALTERNATIVE = re.compile(r"もしくは|または|あるいは|又は|若しくは|\bor\b")
# ("10+ years in infrastructure or platform engineering, with at least 4 years leading …")
_PART_OF = re.compile(r"うち|内|including|of which|in addition|plus|\band\b|\bwith\b")
# A condition in a parenthesis after a figure makes the figure in it another path to the role
# ("5+ years (3+ years if you hold a PhD)", "5年以上（修士了の場合は3年以上）"): the degree
# holder's path is one way in, as the writers of f24-27 and d-14 labelled it.
_CONDITION = re.compile(
    r"\bif\b|\bwhen\b|場合|なら|であれば|degree|master|ph\.?d|doctor|bachelor|graduate"
    r"|学位|修士|博士|学士|大卒|院卒|卒業"
)
_OPEN = re.compile(r"[(（][^()（）]*$")
_CLOSE = re.compile(r"[)）]")


def _conditional_aside(folded: str, first_end: int, m: re.Match[str], line_end: int) -> bool:
    """The figure ``m`` sits in a parenthesis opened after the first figure, one that states a
    condition."""
    opened = _OPEN.search(folded, first_end, m.start())
    if opened is None:
        return False
    closed = _CLOSE.search(folded, m.end(), line_end)
    stop = closed.start() if closed else line_end
    return _CONDITION.search(folded, opened.start(), stop) is not None


def _fewest_of_alternatives(folded: str, start: int, end: int, years: int) -> tuple[int, Span]:
    """The figure at [start, end), or a smaller one it is an alternative to on its line: the
    minimum is what the least demanding path asks."""
    line_start = folded.rfind("\n", 0, start) + 1
    line_end = _line_end(folded, end)
    best = (years, start, end)
    for m in _YEARS_OR_MONTHS.finditer(folded, line_start, line_end):
        if m.start() == start:
            continue
        _, other = _figure(m)
        between = folded[min(end, m.end()) : max(start, m.start())]
        if (
            other < best[0]
            and (
                _ALTERNATIVE.search(between)
                or (m.start() >= end and _conditional_aside(folded, end, m, line_end))
            )
            and not _PART_OF.search(between)
            and not _ITEM_BREAK.search(between)
        ):
            best = (other, m.start(), m.end())
    return best[0], Span(best[1], best[2])


# Latin words that name no particular technology, so a figure worded with only these is about
# experience in general ("4+ years of server-side development experience", "Web系の開発経験").
_GENERAL_WORDS = frozenset(
    [
        "web",
        "it",
        "se",
        "pg",
        "saas",
        "b2b",
        "btob",
        "b2c",
        "btoc",
        "api",
        "apis",
        "software",
        "backend",
        "back-end",
        "server-side",
        "serverside",
        "server",
        "side",
        "frontend",
        "front-end",
        "full-stack",
        "fullstack",
        "development",
        "developer",
        "developers",
        "engineering",
        "engineer",
        "engineers",
        "professional",
        "professionally",
        "experience",
        "experiences",
        "exp",
        "years",
        "year",
        "yrs",
        "yr",
        "of",
        "in",
        "as",
        "a",
        "an",
        "the",
        "and",
        "or",
        "at",
        "least",
        "minimum",
        "min",
        "more",
        "than",
        "over",
        "plus",
        "hands-on",
        "industry",
        "work",
        "working",
        "relevant",
        "commercial",
        "programming",
        "system",
        "systems",
        "application",
        "applications",
        "product",
        "products",
        "production",
        "building",
        "developing",
        "total",
        "overall",
        "across",
        "all",
        "above",
        "combined",
        "including",
        "practical",
        "real-world",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ]
)
_LATIN_WORD = re.compile(r"[a-z][a-z0-9#+.\-]*[a-z0-9#+]|[a-z]")
# Lead or management experience is not the general figure ("マネジメント経験5年以上").
_LEAD = prefiltered(
    r"マネジメント|リーダー|リード(?!タイム)|管理職|マネージャー|\blead|manag|\bpm\b|mentor"
)


def _is_specific(clause: str) -> bool:
    """Whether a requirement clause names a technology ("rubyでの開発経験", "year with kotlin")."""
    return any(w not in _GENERAL_WORDS for w in _LATIN_WORD.findall(clause))


# Clause breaks within a line: a plus marker past one is about something else
# ("経験3年以上、Kotlin経験があれば尚可", "4 years of Go; Kafka is a plus").
_CLAUSE_BREAK = prefiltered(r"[。;；、]|\.\s|" + _ITEM_SLASH)
# In a tag line, not a table's row, a bar after Japanese ends a clause too (｜ folds to |):
# "SES｜月給25万円〜｜IT実務経験1年以上｜Linux・AWS経験者優遇"
_TAG_CLAUSE_BREAK = prefiltered(r"[。;；、]|\.\s|(?<=[^\x00-\x7f])\||" + _ITEM_SLASH)
_NEXT_ITEM = re.compile(
    r"\b(?:nice[- ]to[- ]haves?|bonus points|preferred\s?:)|(?:歓迎|尚可)\s?[:：]"
)
_NEAR_BEFORE = 100  # characters of a clause before its figure read for a plus or "not asked"
_NEAR_AFTER = 60  # and after it: a run-on line's later items are not this figure's


def _near_figure(clause: str, figure: str) -> str:
    """The part of ``clause`` around ``figure``: in a line whose breaks were lost, the plus
    marker of an item 80 characters on ("Nice to have Kafka (2 years would be a plus)") is
    not this figure's."""
    at = clause.find(figure)
    if at < 0:
        return clause
    end = at + len(figure)
    after = clause[end : end + _NEAR_AFTER]
    following = _NEXT_ITEM.search(after)
    if following is not None:
        after = after[: following.start()]  # "… Nice to have Kafka": the next item's label
    return clause[max(0, at - _NEAR_BEFORE) : end] + after


_PAREN = re.compile(r"[(（][^()（）\n]*[)）]")
_PAREN_CLOSE = re.compile(r"[)）]")
_ASIDE_END = re.compile(r"[。;；、★☆■◆●／|]|\.\s|\s")


def _clause(folded: str, line_start: int, start: int, end: int, stop: int | None = None) -> str:
    """The clause of the line holding [start, end), without asides in parentheses around it
    ("3年以上（リーダー経験があれば尚可）", "3+ years (5+ preferred)"). A figure inside
    parentheses is judged with its whole line. The line ends at ``stop`` if sooner."""
    line_end = _line_end(folded, end)
    if stop is not None and end <= stop < line_end:
        line_end = stop
    before = folded[line_start:start]
    if opens_a_bracket(before):
        # up to the end of the aside's own clause: "経験（3年以上）歓迎" holds its plus
        # marker, "★経験者採用（実務3年以上）★ 残業月平均15時間" not the overtime average
        close = _PAREN_CLOSE.search(folded, end, line_end)
        stop = line_end
        if close is not None:
            past = _ASIDE_END.search(folded, close.end(), line_end)
            stop = past.start() if past else line_end
        return folded[line_start:stop]
    # a line of flattened bullets ("* 背景: … * Requirements: 4+ years … * 歓迎: AWS"): the
    # figure's own item
    if ":" in before or "：" in before:
        for label in _INLINE_LABEL.finditer(folded, line_start, start):
            if label.start() > line_start:
                line_start, before = label.start(), folded[label.start() : start]
    if folded.find(":", end, line_end) >= 0 or folded.find("：", end, line_end) >= 0:
        following = _INLINE_LABEL.search(folded, end, line_end)
        if following is not None:
            line_end = following.start()
    colon = max(before.rfind(":"), before.rfind("："))
    head = before[: colon + 1] if colon >= 0 else ""  # "歓迎：AWS、3年以上" is a plus line
    left = line_start
    breaks = _CLAUSE_BREAK if folded.startswith("|", line_start) else _TAG_CLAUSE_BREAK
    for brk in breaks.finditer(folded, line_start, start):
        left = brk.end()
    after = breaks.search(folded, end, line_end)
    right = after.start() if after else line_end
    parts = []
    last = left
    for paren in _PAREN.finditer(folded, left, right):
        if paren.start() >= end or paren.end() <= start:
            parts.append(folded[last : paren.start()])
            last = paren.end()
    parts.append(folded[last:right])
    return " ".join([head, *parts])
