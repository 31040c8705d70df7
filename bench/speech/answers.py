"""The texts of the constructed answers: interview-style, varied roles, no fillers.

Sentences avoid digits (numbers are written as they are spoken) and hyphens, so the spoken
word count is unambiguous. Fillers and pauses are added by ``corpus.py``, never written here.
"""

from __future__ import annotations

ANSWERS: tuple[tuple[str, str], ...] = (
    (
        "Tell me about yourself.",
        "I am a backend engineer with six years of experience in payments and logistics. "
        "Most of my work has been on services that move money between banks and merchants. "
        "At my current company I own the settlement pipeline that runs every night. "
        "I rebuilt it last year so that a failed batch can be replayed without manual work. "
        "Before that I worked at a small startup where I did a bit of everything. "
        "I wrote the first version of their delivery tracking app and the database behind it. "
        "What I enjoy most is taking a system that people are afraid to touch and making it "
        "boring and reliable. "
        "I am looking for a team where I can keep doing that at a larger scale.",
    ),
    (
        "Describe a conflict with a colleague and how you resolved it.",
        "On my last project a designer and I disagreed about the checkout flow. "
        "She wanted a single long page and I wanted three short steps. "
        "We argued about it in two meetings and nobody changed their mind. "
        "So I suggested we stop debating and test both versions with real users. "
        "We built rough prototypes in two days and ran sessions with eight customers. "
        "The single page won on speed but the steps won on fewer mistakes. "
        "In the end we shipped a single page with clear sections and inline validation. "
        "The lesson for me was that data ends an argument faster than opinions. "
        "We still work together and we now run small tests before every big design choice.",
    ),
    (
        "Tell me about a project that failed.",
        "Two years ago I led a rewrite of our search service that never shipped. "
        "We planned four months and after seven months we were still not close. "
        "The main problem was that I underestimated how many hidden features the old "
        "system had. "
        "Every week someone from sales found a behavior we had not copied. "
        "Eventually my manager and I agreed to stop the rewrite and improve the old code instead. "
        "It was painful because the team had invested a lot of energy. "
        "Since then I always start a migration by writing down every behavior of the old system "
        "and I ship in small slices that replace one part at a time.",
    ),
    (
        "How would you design a URL shortener?",
        "I would start with the requirements because they drive everything else. "
        "The core operations are creating a short link and redirecting from it. "
        "Redirects will outnumber writes by a large factor so reads must be fast. "
        "For the key I would generate a random seven character code and check for collisions. "
        "The mapping goes into a key value store that is replicated across regions. "
        "In front of that I would put a cache because a small number of links get most "
        "of the traffic. "
        "For analytics I would write click events to a queue and aggregate them later "
        "so the redirect path stays quick. "
        "Finally I would add rate limits and a blocklist to stop people from abusing it.",
    ),
    (
        "Walk me through how you debugged a production incident.",
        "One Friday evening our checkout error rate jumped from almost zero to twelve percent. "
        "I was on call so I started by checking what had changed in the last hour. "
        "There had been no deploy but a certificate on one of our payment providers had "
        "been rotated. "
        "Our client kept an old connection pool and some connections were failing the handshake. "
        "I confirmed it by matching the failing requests to a single host. "
        "As a quick fix we restarted the service which cleared the pool. "
        "The next week I added a health check that drops broken connections and an alert "
        "on handshake errors. "
        "We also wrote a short runbook so the next person on call can fix it in minutes.",
    ),
    (
        "Why do you want to be a product manager here?",
        "I have been a support lead for four years and I spend my days listening to customers. "
        "I keep seeing the same problems come back because nobody owns them end to end. "
        "I want to be the person who turns those complaints into clear priorities. "
        "Your product is one I already use and I admire how simple the onboarding is. "
        "At the same time I noticed that reporting is weak and I think I could help there. "
        "I have already written specifications with our engineers and run small experiments. "
        "This role would let me do that every day with a team that cares about quality.",
    ),
    (
        "Tell me about a time you led a team through a big change.",
        "When our company moved from yearly releases to monthly ones I was asked to lead "
        "the transition for my group of nine people. "
        "Many of them were worried that quality would drop and that they would work longer hours. "
        "I started by listening to each person and writing down their concerns. "
        "Then we picked one small product and ran three monthly releases as a pilot. "
        "We automated the regression tests that used to take a whole week by hand. "
        "After the pilot the defect rate was actually lower than before. "
        "That result convinced the rest of the group far better than any presentation could have. "
        "Within half a year every team in the department had switched.",
    ),
    (
        "How do you handle a difficult customer?",
        "I had a customer who called three times in one day because an order was missing. "
        "By the third call he was shouting and threatening to cancel his account. "
        "I let him finish without interrupting and then repeated his problem back to him. "
        "That alone calmed him down because he felt heard. "
        "I found that the parcel had been delivered to a neighbor with a similar address. "
        "I stayed on the line while the courier confirmed it and I arranged a pickup for "
        "the same evening. "
        "I also added a note to his account so nobody would ask him to explain again. "
        "He later left a kind review and he is still a customer today.",
    ),
    (
        "How do you prioritize when everything is urgent?",
        "First I write every request down in one place so nothing lives only in my head. "
        "Then I ask two questions about each item. "
        "What happens if this waits a week and who is blocked by it. "
        "Items that block other people or carry a real deadline go to the top. "
        "For the rest I talk to the people who asked and agree on dates together. "
        "Last quarter I had a compliance report an audit and a product launch in the same month. "
        "By being open about the tradeoffs I moved the launch by five days with the support "
        "of my director and all three went well.",
    ),
    (
        "Tell me about a data analysis you are proud of.",
        "Our subscription business was losing customers and nobody agreed on why. "
        "I pulled two years of account data and joined it with support tickets and usage logs. "
        "The common belief was that price was the main reason people left. "
        "The data showed something else. "
        "Customers who never set up a second user were three times more likely to cancel. "
        "Price mattered only for the smallest accounts. "
        "I presented this to the leadership team with a simple chart and a proposal. "
        "We changed onboarding to invite a teammate in the first week. "
        "Six months later churn had fallen by almost a fifth.",
    ),
    (
        "How would you explain a complex idea to a beginner?",
        "I teach physics to fifteen year olds so I do this every day. "
        "I always start from something they have already felt rather than from a formula. "
        "For pressure I ask them why it hurts more to be stepped on by a high heel than by "
        "a sneaker. "
        "Once they have an intuition I give the idea a name and only then write the equation. "
        "Then I ask them to explain it back to a partner in their own words. "
        "Their explanations show me exactly where the misunderstanding is. "
        "I find that students remember the story much longer than the definition.",
    ),
    (
        "Describe how you handled an emergency on the ward.",
        "During a night shift one of my patients suddenly became confused and his blood "
        "pressure dropped. "
        "I called for help and started the sepsis checklist while the doctor was on the way. "
        "I took blood cultures and started fluids as our protocol allows. "
        "At the same time I asked a colleague to cover my other patients. "
        "When the doctor arrived I gave a short structured handover so she could act quickly. "
        "He was moved to intensive care within the hour and made a full recovery. "
        "Afterwards we reviewed the case as a team and I suggested checking lactate earlier "
        "for patients with similar symptoms.",
    ),
    (
        "Tell me about the hardest deal you closed.",
        "The hardest deal I closed was with a hospital group that had used the same vendor "
        "for fifteen years. "
        "Their buyers were polite but they had no reason to change. "
        "Instead of pitching features I asked to spend a day with their billing staff. "
        "I saw them copying numbers between three systems by hand. "
        "I came back with an estimate of how many hours that cost them each month. "
        "That number got the attention of their finance director. "
        "We agreed on a small pilot in one hospital with clear success criteria. "
        "The pilot saved more time than we promised and they signed for all seven sites.",
    ),
    (
        "What was your most successful marketing campaign?",
        "Last spring we launched a campaign for a budgeting app aimed at students. "
        "Instead of paid ads we recruited twenty students to share how they planned their "
        "month. "
        "We gave them a simple template and paid them a fair fee for their time. "
        "The videos felt honest because they were not scripted. "
        "Signups from the campaign cost less than half of what our ads usually cost. "
        "Retention was also better because those users came with real expectations. "
        "The part I am proudest of is that we measured everything with a holdout group "
        "so we knew the effect was real.",
    ),
    (
        "Tell me about a mistake in a financial forecast.",
        "In my first year as an analyst I built the revenue forecast for a new region. "
        "I assumed the same growth rate as our home market. "
        "After two quarters actual revenue was thirty percent below my forecast. "
        "When I dug in I found that sales cycles in that region were twice as long. "
        "I told my manager immediately and rebuilt the model with separate assumptions "
        "for each market. "
        "I also added a section that shows how sensitive the result is to each input. "
        "Since then I always check my assumptions with the people on the ground before "
        "I present a number to leadership.",
    ),
    (
        "What is your greatest weakness?",
        "I tend to say yes to too many requests. "
        "Early in my career I wanted to be helpful and I took on every task people brought me. "
        "The result was that my own projects slipped and I worked late too often. "
        "A mentor pointed out that saying yes to everything meant saying no to my priorities "
        "without noticing. "
        "Now I keep a short list of my current commitments and check it before I accept "
        "anything new. "
        "When I decline I try to offer an alternative such as a later date or another person. "
        "It is still something I watch but it has made my work much more predictable.",
    ),
    (
        "How do you mentor junior colleagues?",
        "I try to give junior engineers real ownership from the start. "
        "Each of them gets a small feature that goes to production within their first month. "
        "I pair with them for the first few days and then step back. "
        "In code reviews I explain why I suggest a change and not only what to change. "
        "Every two weeks we have a conversation that is about their growth and not about tasks. "
        "One of the people I mentored last year now leads our mobile team. "
        "Seeing that happen is the most rewarding part of my job.",
    ),
    (
        "Tell me about a design decision you made for accessibility.",
        "On a banking app redesign I noticed that our new color palette failed contrast "
        "checks for most of the secondary text. "
        "The brand team loved the palette so I knew I needed more than a rule to convince them. "
        "I recruited five users with low vision and recorded them trying to pay a bill. "
        "Three of them could not find the confirm button. "
        "I showed the recordings in the next review together with two alternative palettes "
        "that kept the brand feeling. "
        "The team picked one of them the same day. "
        "We then added automated contrast checks to our component library so it could not "
        "happen again.",
    ),
    (
        "Describe a process you improved in operations.",
        "In our warehouse the picking error rate was around four percent which meant many "
        "returns. "
        "I spent a week on the floor and watched how the pickers worked. "
        "The biggest problem was that similar products were stored next to each other. "
        "We reorganized the shelves so that lookalike items were never adjacent. "
        "We also added a quick barcode scan before each box was sealed. "
        "The error rate fell below one percent within a month. "
        "The pickers liked the change because they spent less time fixing mistakes.",
    ),
    (
        "Where do you see yourself in five years?",
        "In five years I would like to lead a small team that builds tools for doctors. "
        "I studied biology before I moved into software so health is close to my heart. "
        "Right now I want to deepen my skills in data engineering and system design. "
        "That is one reason this role appeals to me since your platform handles clinical data "
        "at scale. "
        "I also want to learn how to hire well and how to grow other people. "
        "I hope to do that here by mentoring new engineers and later by leading a project "
        "from start to finish.",
    ),
)
