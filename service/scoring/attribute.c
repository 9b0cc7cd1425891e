/**
 * @file attribute.c
 * @brief Whom each cue describes: clause by clause, the subject (a
 *        colleague, a predecessor, our side, the seller's own doing), the
 *        tense and mood (a habit that stopped, a supposition, irony), what
 *        is turned down or waved away, and which orientation wins a
 *        clause; score_hit_counts() says, per target kind, which hits
 *        count.
 */
#include "svc/score.h"
#include "read_text.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Whom a cue describes                                                 */
/* ------------------------------------------------------------------ */

/** Marker words, stemmed once per scratch. */
enum mark
{
  M_DET = 1u << 0,       /**< the, a, her, his, their ... */
  M_OURS = 1u << 1,      /**< our, my, we: the writer's side */
  M_FORMER = 1u << 2,    /**< former, previous, old, ex ... */
  M_ADJ = 1u << 3,       /**< new, other, senior ... */
  M_ROLE = 1u << 4,      /**< colleague, boss, analyst, procurement ... */
  M_REPORT = 1u << 5,    /**< said, mentioned, told ... */
  M_USED = 1u << 6,      /**< used (to) */
  M_TO = 1u << 7,        /**< to */
  M_STOPPED = 1u << 8,   /**< anymore, formerly, previously */
  M_IF = 1u << 9,        /**< if */
  M_IFQ = 1u << 10,      /**< what/ask/wonder/see/check (an "if" question) */
  M_WERE = 1u << 11,     /**< were, sort, kind, type */
  M_HYPO = 1u << 12,     /**< hypothetically, imagine, suppose, pretend */
  M_IRONY1 = 1u << 13,   /**< oh, yeah */
  M_IRONY2 = 1u << 14,   /**< sure, right, great */
  M_PRED = 1u << 15,     /**< predecessor */
  M_LONGER = 1u << 16,   /**< longer (after "no") */
  M_PRON = 1u << 17,     /**< she, he, they, i, we, you: a new subject */
  M_AS = 1u << 18,       /**< as, even (as if, even if) */
  M_DISMISS = 1u << 19,  /**< irrelevant, secondary, unimportant */
  M_MATTER = 1u << 20,   /**< matter, relevant, care, priority ... */
  M_CONJ = 1u << 21,     /**< and, so, also, oh, well: before a subject */
  M_I = 1u << 22,        /**< i: the writer */
  M_ACT = 1u << 23,      /**< sent, emailed, pitched ...: the seller's doing
                             when a note's clause opens with it */
  M_THAT = 1u << 24,     /**< that (after a reporting verb) */
  M_3RD = 1u << 25,      /**< he, she, they */
  M_WANT = 1u << 26,     /**< asked, wanted, requested, needs ... */
  M_PERCEIVE = 1u << 27, /**< think, heard, noticed, sense ...: what
                             follows is what the writer saw of someone */
  M_MOCK = 1u << 28,     /**< mocking, sarcastic ...: the sentence is irony */
  M_LOSS = 1u << 29,     /**< lose, waste, break, fail, let (down) ...: a
                              negated loss affirms a value */
  M_AGAINST = 1u << 30   /**< greenwashing, nonsense, bores: the value
                              named before it in its clause is one the
                              party is against */
};

/* Marks past 32 bits (an enum constant must fit an int). */
#define M_SKIP (1ull << 31) /**< skip, ditch, scrap: against what follows */
#define M_OVER \
  (1ull << 32) /**< over, before, rather, (more) than: what
                               follows is put second, not held */
#define M_FIRM \
  (1ull << 33)                 /**< negotiable, optional: "not negotiable"
                               insists, it does not negate */
#define M_SLOW (1ull << 34)    /**< slow, slows: against with "down" */
#define M_DOWN (1ull << 35)    /**< down */
#define M_MORE (1ull << 36)    /**< more, less (before "than") */
#define M_THAN (1ull << 37)    /**< than */
#define M_SOMEONE (1ull << 38) /**< someone, somebody (before "else") */
#define M_ELSE (1ull << 39)    /**< else ("someone else's job"), against */
#define M_MEANS (1ull << 42)   /**< means, mean: "means nothing to us" */
#define M_WISH \
  (1ull << 43) /**< love, hope, aim (to): "would love to get to
                               where she asks our view" is a wish */
#define M_WHATEVER \
  (1ull << 40) /**< whatever: dismissive on its own ("X?
                                   Whatever."), not in "whatever's new" */
#define M_QUIT \
  (1ull << 44) /**< stopped, quit: "stopped buying on price" makes what
                    follows a habit that stopped */
#define M_WAIT (1ull << 45) /**< wait: "compliance can wait" puts it off */
#define M_AND (1ull << 46)  /**< and, or, nor: a list goes on */
#define M_RIVAL \
  (1ull << 47)              /**< rep, vendor, supplier: another supplier's
                                 person when not ours */
#define M_SEEM (1ull << 48) /**< seems, turns (out), proves, sounds */
#define M_SPIN (1ull << 49) /**< marketing, hype, spin, talk */
#define M_ONLY \
  (1ull << 50) /**< mostly, just, only, pure, all: "mostly
                                 marketing" waves a value away */
#define M_REMOVE \
  (1ull << 51) /**< rip (out), rid, replace, ditch, scrap: what is removed
                    is not held against ("rip out the legacy tools") */
#define M_NICE (1ull << 52) /**< nice ("a nice-to-have" waves it away) */
#define M_PLAN \
  (1ull << 53) /**< planned, meant, intended (to): the writer's plan, not
                    done */
#define M_NEXT (1ull << 54)  /**< next ("next time ...": not done yet) */
#define M_TIME (1ull << 55)  /**< time */
#define M_TITLE (1ull << 56) /**< mr, mrs, ms, dr: before a name */
#define M_TAKE (1ull << 57)  /**< take, took ("took over from Marla") */
#define M_FROM (1ull << 58)  /**< from */
#define M_GUESS \
  (1ull << 60) /**< probably, presumably, might: the writer's guess about
                    her ("she'll probably want guarantees") */
#define M_HOPE \
  (1ull << 59) /**< hope(d): "hoped she'd introduce us" is not done */
#define M_ING \
  (1ull << 61) /**< the word's marks hold in its -ing form only: "box
                    ticking" waves a value away, "every box ticked" keeps
                    it (marks go by stem) */
#define M_DECLINE \
  (1ull << 62) /**< declined, refused, rebuffed, dodged ...: turns down
                    what was put to them */
#define M_DISCLOSE \
  (1ull << 63) /**< share, discuss, talk, disclose, comment, into, rather:
                    after a negation ("not something we share", "won't
                    get into it") or before one ("rather not") a refusal */
#define M_AUX \
  (1ull << 41) /**< is, do, did, will ...: "not" after one
                              negates a clause; after a noun it contrasts
                              ("Slack not email") */

static const struct
{
  const char *w;
  uint64_t bits;
} marks[] = {
  { "the", M_DET },
  { "a", M_DET },
  { "an", M_DET },
  { "her", M_DET },
  { "his", M_DET },
  { "their", M_DET },
  { "your", M_DET },
  { "this", M_DET },
  { "that", M_DET | M_THAT },
  { "our", M_DET | M_OURS },
  { "my", M_DET | M_OURS },
  { "former", M_FORMER },
  { "prev", M_FORMER },
  { "previous", M_FORMER },
  { "prior", M_FORMER },
  { "old", M_FORMER },
  { "ex", M_FORMER },
  { "outgoing", M_FORMER },
  { "retired", M_FORMER },
  { "new", M_ADJ },
  { "other", M_ADJ },
  { "senior", M_ADJ },
  { "junior", M_ADJ },
  { "main", M_ADJ }, /* "old main contact Tanaka-san retired" */
  { "key", M_ADJ },
  { "primary", M_ADJ },
  { "usual", M_ADJ },
  { "regular", M_ADJ },
  { "principal", M_ADJ },
  { "chief", M_ADJ | M_ROLE },
  { "head", M_ROLE },
  { "colleague", M_ROLE },
  { "coworker", M_ROLE },
  { "boss", M_ROLE },
  { "manager", M_ROLE },
  { "analyst", M_ROLE },
  { "assistant", M_ROLE },
  { "deputy", M_ROLE },
  { "successor", M_ROLE },
  { "predecessor", M_ROLE | M_PRED },
  { "team", M_ROLE },
  { "department", M_ROLE },
  { "dept", M_ROLE },
  { "procurement", M_ROLE },
  { "purchasing", M_ROLE },
  { "legal", M_ROLE },
  { "finance", M_ROLE },
  { "accounting", M_ROLE },
  { "ops", M_ROLE },
  { "engineering", M_ROLE },
  { "engineer", M_ROLE },
  { "cfo", M_ROLE },
  { "ceo", M_ROLE },
  { "coo", M_ROLE },
  { "cto", M_ROLE },
  { "cio", M_ROLE },
  { "cmo", M_ROLE },
  { "cro", M_ROLE },
  { "cpo", M_ROLE },
  { "cso", M_ROLE },
  { "ciso", M_ROLE },
  { "vp", M_ROLE },
  { "director", M_ROLE },
  { "partner", M_ROLE },
  { "wife", M_ROLE },
  { "brother", M_ROLE },
  { "sister", M_ROLE },
  { "son", M_ROLE },
  { "daughter", M_ROLE },
  { "mother", M_ROLE },
  { "father", M_ROLE },
  { "uncle", M_ROLE },
  { "aunt", M_ROLE },
  { "cousin", M_ROLE },
  { "neighbour", M_ROLE },
  { "neighbor", M_ROLE },
  { "husband", M_ROLE },
  { "intern", M_ROLE },
  { "lawyer", M_ROLE },
  { "counsel", M_ROLE },
  { "board", M_ROLE },
  { "committee", M_ROLE },
  { "staff", M_ROLE },
  { "supervisor", M_ROLE },
  { "consultant", M_ROLE },
  { "controller", M_ROLE },
  { "specialist", M_ROLE },
  { "coordinator", M_ROLE },
  { "architect", M_ROLE },
  { "officer", M_ROLE },
  { "rep", M_ROLE | M_RIVAL },
  { "vendor", M_ROLE | M_RIVAL },
  { "supplier", M_ROLE | M_RIVAL },
  { "competitor", M_ROLE | M_RIVAL },
  { "incumbent", M_ROLE | M_RIVAL },
  { "salesman", M_ROLE | M_RIVAL },
  { "salesperson", M_ROLE | M_RIVAL },
  { "buyer", M_ROLE },
  { "owner", M_ROLE },
  { "contact", M_ROLE },
  { "person", M_ROLE },
  { "guy", M_ROLE },
  { "lady", M_ROLE },
  { "said", M_REPORT },
  { "says", M_REPORT },
  { "mentioned", M_REPORT },
  { "told", M_REPORT },
  { "explained", M_REPORT },
  { "warned", M_REPORT },
  { "thinks", M_REPORT | M_PERCEIVE },
  { "noted", M_REPORT },
  { "joked", M_REPORT },
  { "wanted", M_WANT },
  { "wants", M_WANT },
  { "requested", M_WANT },
  { "needs", M_WANT },
  { "needed", M_WANT },
  { "think", M_REPORT | M_PERCEIVE },
  { "heard", M_REPORT | M_PERCEIVE },
  { "noticed", M_REPORT | M_PERCEIVE },
  { "learned", M_REPORT | M_PERCEIVE },
  { "felt", M_REPORT | M_PERCEIVE },
  { "feel", M_REPORT | M_PERCEIVE },
  { "sense", M_REPORT | M_PERCEIVE },
  { "believe", M_REPORT | M_PERCEIVE },
  { "guess", M_REPORT | M_PERCEIVE },
  { "gather", M_REPORT | M_PERCEIVE },
  { "used", M_USED },
  { "to", M_TO },
  { "anymore", M_STOPPED },
  { "formerly", M_STOPPED },
  { "previously", M_STOPPED },
  { "stopped", M_QUIT },
  { "quit", M_QUIT },
  { "dropped", M_QUIT },
  { "ended", M_QUIT },
  { "cancelled", M_QUIT },
  { "canceled", M_QUIT },
  { "scrapped", M_QUIT },
  { "ditched", M_QUIT },

  { "if", M_IF },
  { "what", M_IFQ },
  { "ask", M_IFQ },
  { "asked", M_IFQ | M_WANT },
  { "wonder", M_IFQ },
  { "see", M_IFQ },
  { "check", M_IFQ },
  { "know", M_IFQ },
  { "sure", M_IFQ | M_IRONY2 },
  { "were", M_WERE },
  { "sort", M_WERE },
  { "kind", M_WERE },
  { "type", M_WERE },
  { "ever", M_WERE },
  { "would", M_WERE },
  { "might", M_WERE | M_GUESS },
  { "probably", M_GUESS },
  { "presumably", M_GUESS },
  { "maybe", M_GUESS },
  { "perhaps", M_GUESS },
  { "hypothetically", M_HYPO },
  { "imagine", M_HYPO },
  { "suppose", M_HYPO },
  { "pretend", M_HYPO },
  { "oh", M_IRONY1 | M_CONJ },
  { "yeah", M_IRONY1 },
  { "right", M_IRONY2 },
  { "great", M_IRONY2 },
  { "longer", M_LONGER },
  { "she", M_PRON | M_3RD },
  { "he", M_PRON | M_3RD },
  { "they", M_PRON | M_3RD },
  { "i", M_PRON | M_I },
  { "we", M_PRON | M_OURS },
  { "you", M_PRON },
  { "as", M_AS },
  { "even", M_AS },
  { "irrelevant", M_DISMISS },
  { "secondary", M_DISMISS },
  { "unimportant", M_DISMISS },
  { "whatever", M_WHATEVER },
  { "ha", M_WHATEVER }, /* "Cheapest? Ha." */
  { "hah", M_WHATEVER },
  { "means", M_MEANS },
  { "love", M_WISH },
  { "hope", M_WISH | M_HOPE },
  { "aim", M_WISH },
  { "mean", M_MEANS },
  { "waste", M_MEANS }, /* "a waste of my time" (waste_of) */
  { "is", M_AUX },
  { "are", M_AUX },
  { "was", M_AUX },
  { "were", M_AUX },
  { "be", M_AUX },
  { "am", M_AUX },
  { "do", M_AUX },
  { "does", M_AUX },
  { "did", M_AUX },
  { "will", M_AUX },
  { "would", M_AUX },
  { "can", M_AUX },
  { "could", M_AUX | M_GUESS }, /* "could be the cautious type" */
  { "should", M_AUX },
  { "must", M_AUX },
  { "may", M_AUX },
  { "might", M_AUX | M_GUESS },
  { "has", M_AUX },
  { "have", M_AUX },
  { "had", M_AUX },
  { "overrated", M_DISMISS },
  { "overhyped", M_DISMISS },
  { "overdone", M_DISMISS },  /* "the green stuff is overdone" */
  { "overblown", M_DISMISS }, /* "the green stuff is overblown" */
  { "overvalued", M_DISMISS },
  { "pointless", M_DISMISS },
  { "unnecessary", M_DISMISS },
  { "ticking", M_DISMISS | M_ING },
  { "fluff", M_DISMISS },
  { "lose", M_LOSS },
  { "losing", M_LOSS },
  { "waste", M_LOSS },
  { "wasting", M_LOSS },
  { "miss", M_LOSS },
  { "break", M_LOSS },
  { "fail", M_LOSS },
  { "fall", M_LOSS },
  { "let", M_LOSS },
  { "compromise", M_LOSS },
  { "cut", M_LOSS },
  { "slip", M_LOSS },
  { "stop", M_LOSS },
  { "wait", M_LOSS | M_WAIT },
  { "later", M_WAIT },
  { "overkill", M_DISMISS },
  { "formality", M_DISMISS },   /* "regulations are a formality" */
  { "fad", M_DISMISS },         /* "green is a fad" */
  { "distraction", M_DISMISS }, /* "green stuff is a distraction" */
  { "afterthought", M_DISMISS },
  { "distant", M_DISMISS },
  { "fourth", M_DISMISS }, /* "Quality is maybe fifth" */
  { "fifth", M_DISMISS },
  { "sixth", M_DISMISS },
  { "seventh", M_DISMISS },
  { "bonus", M_DISMISS },
  { "greenwashing", M_AGAINST },
  { "drain", M_AGAINST },         /* "numbers-driven negotiators drain me" */
  { "uncomfortable", M_AGAINST }, /* "people who experiment all the time
                                      make me uncomfortable" */
  { "drains", M_AGAINST },
  { "draining", M_AGAINST }, /* "I find confrontational meetings
                                draining" */
  { "exhaust", M_AGAINST },
  { "exhausts", M_AGAINST },
  { "nonsense", M_AGAINST },
  { "gimmick", M_AGAINST },
  { "gimmicks", M_AGAINST },
  { "buzzword", M_AGAINST },
  { "buzzwords", M_AGAINST },
  { "bore", M_AGAINST },
  { "bores", M_AGAINST },
  { "nervous", M_AGAINST },
  { "crazy", M_AGAINST }, /* after "me" only (value_marks) */
  { "mad", M_AGAINST },
  { "wall", M_AGAINST }, /* after "me up the" only (value_marks) */
  { "nuts", M_AGAINST },
  { "uneasy", M_AGAINST },
  { "frustrate", M_AGAINST }, /* "the tea-and-talk part frustrates me" */
  { "annoy", M_AGAINST },
  { "irritate", M_AGAINST },
  { "tedious", M_AGAINST },
  { "stress", M_AGAINST }, /* "stress me out", "stressful" (value_marks) */
  { "wear", M_AGAINST },   /* "wear me out" (value_marks) */
  { "too", M_AGAINST },    /* "certification takes too long" (value_marks) */
  { "unproductive", M_AGAINST },   /* "visits ... I find them unproductive" */
  { "avoid", M_AGAINST | M_SKIP }, /* "I avoid innovation" */
  { "avoids", M_AGAINST | M_SKIP },
  { "avoided", M_AGAINST | M_SKIP },
  { "avoiding", M_AGAINST | M_SKIP },
  { "else", M_ELSE },
  { "against", M_ELSE }, /* "we're against long contracts" (value_marks) */
  { "skip", M_SKIP },
  { "ignore", M_SKIP }, /* "ignore the regulations" */
  { "ignores", M_SKIP },
  { "ignoring", M_SKIP },
  { "neglect", M_SKIP },
  { "neglects", M_SKIP },
  { "bypass", M_SKIP },
  { "dodge", M_SKIP },
  { "circumvent", M_SKIP },
  { "ditch", M_SKIP | M_REMOVE },
  { "scrap", M_SKIP | M_REMOVE },
  { "rip", M_REMOVE },
  { "rid", M_REMOVE },
  { "replace", M_REMOVE },
  { "retire", M_REMOVE },
  { "remove", M_REMOVE },
  { "nice", M_NICE },
  { "planned", M_PLAN },
  { "meant", M_PLAN },
  { "intended", M_PLAN },
  { "next", M_NEXT },
  { "time", M_TIME },
  { "mr", M_TITLE },
  { "mrs", M_TITLE },
  { "ms", M_TITLE },
  { "dr", M_TITLE },
  { "took", M_TAKE },
  { "take", M_TAKE },
  { "taken", M_TAKE },
  { "from", M_FROM },
  { "away", M_SKIP },
  { "hate", M_SKIP },
  { "hates", M_SKIP },
  { "dislike", M_SKIP },
  { "dislikes", M_SKIP },
  { "detest", M_SKIP },
  { "over", M_OVER },
  { "before", M_OVER },
  { "beats", M_OVER }, /* "careful beats quick" */
  { "ahead", M_OVER }, /* "quality comes ahead of the unit price" */
  { "trumps", M_OVER },
  { "despite", M_OVER },    /* "despite the price": put second */
  { "regardless", M_OVER }, /* "regardless of the deadline" */
  { "outweighs", M_OVER },
  { "rather", M_MORE },
  { "someone", M_SOMEONE },
  { "somebody", M_SOMEONE },
  { "bother", M_MATTER },
  { "than", M_THAN },
  { "more", M_MORE },
  { "less", M_MORE },
  { "better", M_MORE }, /* "good enough today is better than perfect" */
  { "negotiable", M_FIRM },
  { "optional", M_FIRM },
  { "slow", M_SLOW },
  { "slows", M_SLOW },
  { "slowing", M_SLOW },
  { "down", M_DOWN },
  { "mocking", M_MOCK },
  { "mocked", M_MOCK },
  { "sarcastic", M_MOCK },
  { "sarcastically", M_MOCK },
  { "ironically", M_MOCK },
  { "matter", M_MATTER },
  { "matters", M_MATTER },
  { "relevant", M_MATTER },
  { "care", M_MATTER },
  { "priority", M_MATTER },
  { "important", M_MATTER },
  { "interested", M_MATTER },
  { "seems", M_SEEM },
  { "marketing", M_SPIN },
  { "hype", M_SPIN },
  { "spin", M_SPIN },
  { "talk", M_SPIN },
  { "pr", M_SPIN }, /* "sustainability talk is mostly PR to me" */
  { "mostly", M_ONLY },
  { "just", M_ONLY },
  { "only", M_ONLY },
  { "pure", M_ONLY },
  { "purely", M_ONLY },
  { "all", M_ONLY },
  { "turns", M_SEEM },
  { "proves", M_SEEM },
  { "sounds", M_SEEM },
  { "concern", M_MATTER },
  { "focus", M_MATTER },
  { "interested", M_MATTER },
  { "factor", M_MATTER },
  { "list", M_MATTER },
  { "role", M_MATTER },
  { "weight", M_MATTER }, /* "quality criteria carry no weight" */
  { "worries", M_MATTER },
  { "priorities", M_MATTER },
  { "think", M_MATTER },  /* "not something we think about" */
  { "thanks", M_MATTER }, /* "Innovation: no thanks" */
  { "and", M_CONJ | M_AND },
  { "or", M_CONJ | M_AND },
  { "nor", M_CONJ | M_AND },
  { "so", M_CONJ },
  { "also", M_CONJ },
  { "plus", M_CONJ },
  { "then", M_CONJ },
  { "well", M_CONJ },
  { "anyway", M_CONJ },
  { "unlike", M_CONJ },  /* "Unlike her predecessor Mr Graves, who ..." */
  { "rival", M_ADJ },    /* "a rival vendor's rep" */
  { "captain", M_ROLE }, /* "Old Captain Muir never changed a thing" */
  { "rebuffed", M_DECLINE },
  { "deflected", M_DECLINE },
  { "dodged", M_DECLINE },
  { "sidestepped", M_DECLINE },
  { "stonewalled", M_DECLINE },
  { "brushed", M_DECLINE },
  { "turned", M_DECLINE }, /* with "down" only (refusal_scan) */
  { "share", M_DISCLOSE },
  { "discuss", M_DISCLOSE },
  { "shop", M_DISCLOSE },
  { "disclose", M_DISCLOSE },
  { "comment", M_DISCLOSE },
  { "into", M_DISCLOSE },
  { "rather", M_DISCLOSE },
  { "interested", M_DISCLOSE },      /* "he said not interested" */
  { "need", M_DISCLOSE | M_MATTER }, /* "he doesn't need it", "we've
                                         never needed one" */
  { "conversation", M_DISCLOSE },    /* "still no conversation about" */
  { "agree", M_DISCLOSE },           /* "hasn't agreed to meet them" */
  { "necessary", M_DISCLOSE },       /* "W said 'not necessary'" */
  { "drawn", M_DISCLOSE },           /* "he would not be drawn on it" */
  { "talk", M_DISCLOSE },            /* "let's not talk about plans" */
  { "response", M_DISCLOSE },        /* "our whitepaper; no response" */
  { "sent", M_ACT },
  { "send", M_ACT },
  { "emailed", M_ACT },
  { "pitched", M_ACT },
  { "demoed", M_ACT },
  { "walked", M_ACT },
  { "demonstrated", M_ACT },
  { "offered", M_ACT },
  { "pitch", M_ACT },
  { "demo", M_ACT },
  { "offer", M_ACT },
  { "proposal", M_ACT },
};

#define N_MARKS (sizeof (marks) / sizeof (marks[0]))

/** Marker bits of a token hash (an open-addressing table per scratch,
    filled by score_read_init: token hashes are never 0). */
static uint64_t
mark_of (struct score_scratch *s, uint32_t h)
{
  uint32_t k = (h * 0x9E3779B1u) >> (32 - SCORE_MARK_BITS);

  while (0 != s->mark_key[k])
  {
    if (h == s->mark_key[k])
      return s->mark_bits[k];
    k = (k + 1) & (SCORE_MARK_SLOTS - 1);
  }
  return 0;
}

/** Whether token @a t is written as an -ing form ("buying"). */
static bool
ing (const struct score_scratch *s, size_t t)
{
  const struct score_token *k = &s->tokens[t];

  return k->end - k->start > 4
         && 0 == strncmp (s->text + k->end - 3, "ing", 3);
}

/** Whether token @a t is written as an -ly adverb ("legally"). */
static bool
ly (const struct score_scratch *s, size_t t)
{
  const struct score_token *k = &s->tokens[t];
  const char *w = s->text + k->end;

  return k->end - k->start > 2 && 'l' == (w[-2] | 0x20)
         && 'y' == (w[-1] | 0x20);
}

void
score_marks_init (struct score_scratch *s)
{
  memset (s->mark_key, 0, sizeof (s->mark_key));
  memset (s->mark_bits, 0, sizeof (s->mark_bits));
  for (size_t i = 0; i < N_MARKS; i++)
  {
    uint32_t w;
    uint32_t k;

    /* read as a note's word is ("told" is "tell", "sent" is "send") */
    score_text_tokenize (NULL, s, marks[i].w, strlen (marks[i].w));
    if (1 != s->n_tokens)
      continue;
    w = s->tokens[0].hash;
    k = (w * 0x9E3779B1u) >> (32 - SCORE_MARK_BITS);
    while (0 != s->mark_key[k] && w != s->mark_key[k])
      k = (k + 1) & (SCORE_MARK_SLOTS - 1);
    s->mark_key[k] = w;
    s->mark_bits[k] |= marks[i].bits;
  }
  s->n_tokens = 0;
}

/** Whether token @a q is written as a name: a capital, then a small
    letter, and no marker word ("Marla", "Albrecht"; not "IT", "The"). */
static bool
name_like (const struct score_scratch *s, size_t q)
{
  const struct score_token *t = &s->tokens[q];
  const char *w = s->text + t->start;

  return t->end - t->start >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a'
         && w[1] <= 'z' && 0 == s->tok_marks[q];
}

/** Whether @a h is among @a n hashes. */
static bool
among (const uint32_t *hashes, size_t n, uint32_t h)
{
  for (size_t i = 0; i < n; i++)
    if (hashes[i] == h)
      return true;
  return false;
}

/**
 * The name the words from token @a q give, skipping a title ("Mr."), or
 * SIZE_MAX: a name that is none of the call's contacts.
 *
 * @param s scratch
 * @param q token
 * @param end one past the last token to look at
 * @return the name's token, or SIZE_MAX
 */
static size_t
other_name_at (const struct score_scratch *s, size_t q, size_t end)
{
  if (q < end && (s->tok_marks[q] & M_TITLE))
    q++;
  if (q >= end || ! name_like (s, q)
      || among (s->call_names, s->n_call_names, s->tokens[q].hash))
    return SIZE_MAX;
  return q;
}

/**
 * Collect the names the note gives a predecessor: right after
 * "predecessor" or a former role ("the previous owner (Mrs. Castell)"),
 * before a tag that opens with one ("Jean-Luc (former Head of
 * Finance)"), after "took over from", "replaced". A call contact's name
 * is never one.
 *
 * @param s scratch with tokens and marks
 */
static void
former_names (struct score_scratch *s)
{
  s->n_former_names = 0;
  for (size_t q = 0; q < s->n_tokens; q++)
  {
    uint64_t b = s->tok_marks[q];
    size_t at = SIZE_MAX;

    if (b & (M_PRED | M_FORMER))
    {
      /* "predecessor (Mr. Albrecht)", "the old buyer Zbigniew" */
      size_t r = q + 1;

      while (r < s->n_tokens && r < q + 3
             && (s->tok_marks[r] & (M_ROLE | M_DET | M_ADJ))
             && ! (s->tokens[r].flags & TOK_SENTENCE))
        r++;
      if (r < s->n_tokens && ! (s->tokens[r].flags & TOK_SENTENCE))
        at = other_name_at (s, r, s->n_tokens);
    }
    else if ((b & M_OVER) && q > 0 && (s->tok_marks[q - 1] & M_TAKE)
             && q + 1 < s->n_tokens && (s->tok_marks[q + 1] & M_FROM))
      at = other_name_at (s, q + 2, s->n_tokens); /* "took over from" */
    else if ((b & M_REMOVE) && ! (b & M_SKIP) && q + 1 < s->n_tokens)
      at = other_name_at (s, q + 1, s->n_tokens); /* "replaced Marla" */
    if ((b & (M_PRED | M_FORMER)) && q > 0 && SIZE_MAX == at
        && '(' == s->text[s->tokens[q].start - 1] && name_like (s, q - 1)
        && ! among (s->call_names, s->n_call_names, s->tokens[q - 1].hash))
    {
      /* "Jean-Luc (former Head of Finance, retired June)": the name
         before the tag, both words of a hyphened one */
      at = q - 1;
      if (at > 0 && s->tokens[at - 1].end + 1 == s->tokens[at].start
          && '-' == s->text[s->tokens[at - 1].end] && name_like (s, at - 1)
          && s->n_former_names < 7)
        s->former_names[s->n_former_names++] = s->tokens[at - 1].hash;
    }
    if (SIZE_MAX != at && s->n_former_names < 8
        && ! among (s->former_names, s->n_former_names, s->tokens[at].hash))
      s->former_names[s->n_former_names++] = s->tokens[at].hash;
  }
}

/**
 * Whether the "if" at token @a q opens a counterfactual: its clause has a
 * verb in the past or a "'d" ("if the price went up they'd have to look
 * around"), so what it says did not happen.
 *
 * @param s scratch
 * @param q the "if"
 * @param b one past its clause
 * @return true for a counterfactual
 */
static bool
counterfactual (const struct score_scratch *s, size_t q, size_t b)
{
  static const char *const past[] = { "went", "had",  "was",  "were", "did",
                                      "got",  "came", "rose", NULL };

  for (size_t r = q + 1; r < b && r <= q + 8; r++)
  {
    const struct score_token *t = &s->tokens[r];
    const unsigned char *w = (const unsigned char *) s->text + t->start;
    size_t n = t->end - t->start;

    if (n >= 3 && 'd' == (w[n - 1] | 0x20)
        && ('\'' == w[n - 2]
            || (n >= 5 && 0x99 == w[n - 2] && 0x80 == w[n - 3]
                && 0xE2 == w[n - 4])))
      return true; /* they'd, we'd */
    for (const char *const *p = past; NULL != *p; p++)
    {
      size_t k = 0;

      while (k < n && '\0' != (*p)[k] && (w[k] | 0x20) == (*p)[k])
        k++;
      if (k == n && '\0' == (*p)[k])
        return true;
    }
  }
  return false;
}

/** Words that open a sentence as an aside to the reader, before its
    subject: "FYI the old purchase head was very demanding". */
static const char *const asides[] = { "fyi", "nb", "ps", NULL };

/**
 * Whether token @a t is a word of five letters or more ending in "ly"
 * ("personally", "honestly", "frankly"): an adverb, not a subject.
 */
static bool
ly_adverb (const struct score_scratch *s, size_t t)
{
  const char *x = s->text + s->tokens[t].start;
  size_t n = s->tokens[t].end - s->tokens[t].start;

  return n >= 5 && 'l' == (x[n - 2] | 0x20) && 'y' == (x[n - 1] | 0x20);
}

/**
 * Subject of the words from token @a p: a colleague, a predecessor or
 * someone on our side named by a role ("her analyst", "the old buyer",
 * "our support team", "Dana's boss"), or 0.
 *
 * @param s scratch
 * @param p first token
 * @param end one past the clause
 * @param ours_is_us whether "our/my" is the writer's (seller's) side
 * @return SCORE_READ_* bits
 */
static uint16_t
subject (struct score_scratch *s, size_t p, size_t end, bool ours_is_us)
{
  bool former = false;
  bool ours = false;
  size_t q;

  for (q = p; q < end && q < p + 2; q++)
    if (s->tokens[q].end < s->text_len && ':' == s->text[s->tokens[q].end]
        && q + 1 < end && name_like (s, q + 1))
    {
      p = q + 1; /* "Handover context: Jean-Luc (former ...) relied on us":
                    who follows the label */
      break;
    }
  while (p < end
         && ((s->tok_marks[p] & M_CONJ) || score_token_in (s, p, asides)))
    p++; /* "and my assistant ...", "oh, ...", "FYI the old buyer ..." */
  if (p + 1 < end && (s->tok_marks[p + 1] & M_PRON) && ly_adverb (s, p))
    p++; /* "Personally I ...", "Honestly she ...": who speaks follows */
  if (ours_is_us && p < end
      && ((s->tok_marks[p] & M_I)
          || ((s->tok_marks[p] & M_ACT)
              && (0 == p || (s->tokens[p].flags & TOK_SENTENCE)))))
  {
    /* "I guaranteed ...", a note's sentence opening "sent the ...": the
       seller's doing, unless the clause reports what the buyer asked
       for ("sent him the docs he asked for") */
    for (q = p + 1; q + 1 < end; q++)
      if ((s->tok_marks[q] & M_3RD) && (s->tok_marks[q + 1] & M_WANT))
        return 0;
    return SCORE_READ_SELLER_SELF;
  }
  if (ours_is_us && p + 1 < end && (s->tok_marks[p] & M_OURS)
      && (s->tok_marks[p + 1] & M_ACT))
    return SCORE_READ_SELLER_SELF; /* "my pitch to Liam: ..." */
  q = (p < end && (s->tok_marks[p] & M_TITLE)) ? p + 1 : p;
  if (q < end && among (s->former_names, s->n_former_names, s->tokens[q].hash))
    return SCORE_READ_FORMER; /* the predecessor named earlier */
  q = p;
  while (q < end && q < p + 4)
  {
    uint64_t b = s->tok_marks[q];

    if ((b & M_ROLE) && q + 1 < end && s->text[s->tokens[q + 1].start] >= 'A'
        && s->text[s->tokens[q + 1].start] <= 'Z' && 0 == s->tok_marks[q + 1])
      return (former || (b & M_PRED))
               ? SCORE_READ_FORMER
               : 0; /* "VP Sanchez": a title before a name; "the old
                            contact Zbigniew" is still a predecessor */
    if ((b & M_ROLE) && ! former && ! (b & M_PRED)
        && score_token_is (s, q, "contact"))
      return 0; /* "our main contact wants it in writing": in a note on
                   the account, the contact is the customer we write of */
    if ((b & M_ROLE) && q == p && p > 0 && ! former
        && among (s->call_names, s->n_call_names, s->tokens[p - 1].hash))
      return 0; /* "Astrid Lund, buyer at Kvarnby: ...": her title after
                   her name */
    if (b & M_ROLE)
    {
      for (size_t r = q + 1;
           ! former && ! (b & M_PRED) && r < end && r < q + 4; r++)
        if (among (s->call_names, s->n_call_names, s->tokens[r].hash))
          return 0; /* "new head of procurement Greta": the contact */
      if (b & M_PRED)
        former = true;
      if (former)
        return SCORE_READ_FORMER;
      if (ours && ours_is_us)
        return SCORE_READ_OUR_SIDE;
      return (b & M_RIVAL) ? SCORE_READ_THIRD_PARTY | SCORE_READ_RIVAL
                           : SCORE_READ_THIRD_PARTY;
    }
    if (b & M_FORMER)
      former = true;
    else if (b & M_DET)
      ours = ours || (b & M_OURS);
    else if ((q == p || (s->tok_marks[q - 1] & M_DET)) && q + 1 < end && 0 == b
             && s->text[s->tokens[q].start] >= 'A'
             && s->text[s->tokens[q].start] <= 'Z'
             && (s->tok_marks[q + 1] & M_ROLE))
      ; /* "Dana's boss", "the Kestrel rep" */
    else if (! (b & M_ADJ))
      return 0;
    q++;
  }
  return 0;
}

/**
 * Whether token @a k's letters before its apostrophe are one of @a words
 * (ASCII case aside): "she'll" of "she", "it's" of "it".
 *
 * @param s scratch
 * @param k token
 * @param words lower-case words, NULL-terminated
 * @return true if so
 */
static bool
contracted (const struct score_scratch *s, size_t k, const char *const *words)
{
  const struct score_token *t = &s->tokens[k];
  const char *w0 = s->text + t->start;
  const char *apos = memchr (w0, '\'', t->end - t->start);
  size_t n;

  if (NULL == apos)
    return false;
  n = (size_t) (apos - w0);
  for (; NULL != *words; words++)
  {
    size_t i = 0;

    while (i < n && (*words)[i] == (w0[i] | 0x20))
      i++;
    if (i == n && '\0' == (*words)[i])
      return true;
  }
  return false;
}

/**
 * Whether token @a k is "she", "he" or "they", alone or contracted
 * ("she'll", "they'd").
 */
static bool
third_person (const struct score_scratch *s, size_t k)
{
  static const char *const who[] = { "she", "he", "they", NULL };

  return (s->tok_marks[k] & M_3RD) || contracted (s, k, who);
}

/** Whether the @a n bytes at @a w start with the lowercase ASCII @a pre,
    in any case. */
static bool
begins_with (const char *w, size_t n, const char *pre)
{
  size_t k = 0;

  while ('\0' != pre[k] && k < n && (w[k] | 0x20) == pre[k])
    k++;
  return '\0' == pre[k];
}

/** Whether token @a q starts with the lowercase ASCII @a pre, in any
    case ("declined" with "declin"). */
static bool
token_begins (const struct score_scratch *s, size_t q, const char *pre)
{
  return begins_with (s->text + s->tokens[q].start,
                      s->tokens[q].end - s->tokens[q].start, pre);
}

/**
 * Whether token @a q is the writer's guess about her: "probably",
 * "might" opening the clause or after "she"/"they" ("she'll probably
 * want", "Might just want"), in the writer's own words.
 */
static bool
guess_at (const struct score_scratch *s, size_t q, size_t a, bool ours_us)
{
  return (s->tok_marks[q] & M_GUESS) && ours_us
         && (q == a || third_person (s, q - 1))
         && (! score_token_is (s, q, "could")
             || (q + 1 < s->n_tokens && score_token_is (s, q + 1, "be")));
}

/** Whether the text before byte @a e, past spaces, is "that's", "it
    is" or the like (said_of_it()). */
static bool
after_that_is (const struct score_scratch *s, size_t e)
{
  static const char *const forms[] = { "that's",
                                       "that is",
                                       "it's",
                                       "it is",
                                       "that\xe2\x80\x99s",
                                       "it\xe2\x80\x99s",
                                       "this is",
                                       "thats",
                                       "sorry,",
                                       "sorry",
                                       NULL };

  while (e > 0 && ' ' == s->text[e - 1])
    e--;
  for (size_t i = 0; NULL != forms[i]; i++)
  {
    size_t n = strlen (forms[i]);
    size_t k = 0;

    if (e < n)
      continue;
    while (k < n && (s->text[e - n + k] | 0x20) == (forms[i][k] | 0x20))
      k++;
    if (k == n
        && (e == n
            || ((s->text[e - n - 1] | 0x20) < 'a'
                || (s->text[e - n - 1] | 0x20) > 'z')))
      return true; /* "that's", not "what's" */
  }
  return false;
}

/** Whether hit @a h is said of the thing asked about: "that's
    confidential", "it is private", "that's board confidential" (one word
    between), an answer that keeps it back, not a confidence shared. */
static bool
said_of_it (const struct score_scratch *s, const struct score_hit *h)
{
  const struct score_token *t = &s->tokens[h->first];

  return after_that_is (s, t->start)
         || (h->first > 0 && t[-1].sentence == t->sentence
             && t[-1].end + 1 == t->start && after_that_is (s, t[-1].start));
}

/** Whether the buyer answered a rival's approach with a no after it in
    the sentence: a word of saying, then a negator within four words
    ("she told them she isn't looking and hung up", "said no"). An
    impression ("he didn't seem interested") is not an answer. */
static bool
told_no (const struct score_scratch *s, const struct score_hit *h)
{
  uint16_t sentence = s->tokens[h->last].sentence;

  for (size_t q = (size_t) h->last + 1;
       q < s->n_tokens && s->tokens[q].sentence == sentence; q++)
  {
    if (! (s->tok_marks[q] & M_REPORT))
      continue;
    for (size_t r = q + 1;
         r < s->n_tokens && r <= q + 4 && s->tokens[r].sentence == sentence;
         r++)
      if (SCORE_TOKEN_NEG == s->tokens[r].hash)
        return true;
  }
  return false;
}

/** Whether the buyer answered a rival's approach, later in the sentence,
    by saying they stay: a word of saying, then a cue of a settled buyer
    ("a rival called and I told them we're happy where we are", "asked if
    they're looking at alternatives - no, said they're happy where they
    are"). Kept open by a contrast after it ("... but took their card"
    has no word of saying before the stay) only when no one said so. */
static bool
told_settled (const struct score_model *m, const struct score_scratch *s,
              size_t hi)
{
  const struct score_hit *h = &s->hits[hi];
  uint16_t sentence = s->tokens[h->last].sentence;

  for (size_t j = hi + 1;
       j < s->n_hits && s->tokens[s->hits[j].first].sentence == sentence; j++)
  {
    const struct score_cue *c = &m->cues[s->hits[j].cue];

    if (SCORE_TARGET_RISK != (enum score_target_kind) s->hits[j].kind
        || SCORE_DRIVER_SUPPLIER_EVALUATION != c->target.index
        || c->weight >= 0 || s->hits[j].negated)
      continue;
    for (size_t q = (size_t) h->last + 1; q < s->hits[j].first; q++)
      if (s->tok_marks[q] & M_REPORT)
        return true;
  }
  return false;
}

/** Whether the sentence of hit @a h says after it that it is not us:
    "the trust next door has a capital freeze - 'glad it's not us'". */
static bool
not_us_after (const struct score_scratch *s, const struct score_hit *h)
{
  for (size_t q = (size_t) h->last + 1;
       q + 1 < s->n_tokens
       && s->tokens[q + 1].sentence == s->tokens[h->last].sentence;
       q++)
    if (SCORE_TOKEN_NEG == s->tokens[q].hash
        && (score_token_is (s, q + 1, "us")
            || score_token_is (s, q + 1, "ours"))
        && (q + 2 >= s->n_tokens || (s->tokens[q + 2].flags & TOK_CLAUSE)
            || s->tokens[q + 2].sentence != s->tokens[q].sentence))
      return true;
  return false;
}

/** Whether what hit @a h names is said to be over, up to six words on in
    its clause: "the tender last year is finished", "the RFP was
    concluded", "that bid is over". */
static bool
finished_after (const struct score_scratch *s, const struct score_hit *h)
{
  for (size_t q = (size_t) h->last + 1; q < s->n_tokens && q <= h->last + 6;
       q++)
  {
    if (s->tokens[q].flags & TOK_CLAUSE)
      break;
    if (score_token_is (s, q, "finished") || score_token_is (s, q, "concluded")
        || score_token_is (s, q, "completed")
        || ((score_token_is (s, q, "over") || score_token_is (s, q, "done")
             || score_token_is (s, q, "closed"))
            && (score_token_is (s, q - 1, "is")
                || score_token_is (s, q - 1, "was")
                || score_token_is (s, q - 1, "are")
                || score_token_is (s, q - 1, "were"))))
      return true;
  }
  /* "her predecessor did a tender every year; she stopped that when she
     took over": a later clause of the sentence ends the habit */
  for (size_t q = (size_t) h->last + 1;
       q + 1 < s->n_tokens
       && s->tokens[q].sentence == s->tokens[h->last].sentence;
       q++)
    if ((score_token_is (s, q, "stopped") || score_token_is (s, q, "ended")
         || score_token_is (s, q, "scrapped")
         || score_token_is (s, q, "dropped"))
        && (score_token_is (s, q + 1, "that")
            || score_token_is (s, q + 1, "it")
            || score_token_is (s, q + 1, "this")))
      return true;
  return false;
}

/** Whether token @a q is "problem", "job" or "concern" after another's
    possessive ("the auditor's problem", "IT's job"), not "it's a
    problem" or "that's the job": what the clause names is left to
    someone else. */
static bool
someones_problem (const struct score_scratch *s, size_t q)
{
  static const char *const not_owners[] = {
    "it",  "that", "he",    "she",      "what", "there", "here",
    "who", "let",  "where", "everyone", "else", NULL
  };
  size_t p = s->tokens[q - 1].end;
  size_t w;
  char c = (char) (s->text[s->tokens[q].start] | 0x20);

  /* most tokens fail on their first letter, before any word compare */
  if (! (('p' == c && score_token_is (s, q, "problem"))
         || ('j' == c && score_token_is (s, q, "job"))
         || ('c' == c && score_token_is (s, q, "concern"))))
    return false;
  if (p + 1 < s->text_len && '\'' == s->text[p] && ' ' == s->text[p + 1]
      && 's' == (s->text[p - 1] | 0x20))
    return true; /* "the engineers' job" */
  if (p < 3 || ('s' != (s->text[p - 1] | 0x20)) || '\'' != s->text[p - 2])
    return false;
  w = s->tokens[q - 1].start;
  for (size_t i = 0; NULL != not_owners[i]; i++)
  {
    size_t k = 0;

    while (w + k < p - 2 && (s->text[w + k] | 0x20) == not_owners[i][k])
      k++;
    if (w + k == p - 2 && '\0' == not_owners[i][k])
      return false;
  }
  return true;
}

/** Whether token @a q is a subject with "be" contracted onto it ("we're",
    "I'm", "they're"). */
static bool
contracted_be (const struct score_scratch *s, size_t q)
{
  const char *w = s->text + s->tokens[q].start;
  size_t n = s->tokens[q].end - s->tokens[q].start;

  return (n > 3 && '\'' == w[n - 3] && 'r' == (w[n - 2] | 0x20)
          && 'e' == (w[n - 1] | 0x20))
         || (n > 2 && '\'' == w[n - 2] && 'm' == (w[n - 1] | 0x20));
}

/** Whether a subject of its own ("we", "they") stands after the word
    that put the rest second (@a at) and before token @a q: "more than
    the certificate we want to see that they build skills here" puts the
    certificate second, not the skills. */
static bool
subject_after (const struct score_scratch *s, size_t at, size_t q)
{
  for (size_t r = at + 2; r < q; r++)
    if (s->tok_marks[r] & M_PRON)
      return true;
  return false;
}

/** Whether "later" at token @a q ends a clause that puts off what it
    names ("regulation and compliance we do later"), not a cue's own word
    ("we'll fix it later" stands against a value by itself) nor a span of
    time ("survives an audit years later" insists the longer); @a hi is
    the clause's first hit. */
static bool
deferred (const struct score_scratch *s, size_t hi, size_t q)
{
  static const char *const spans[] = { "years",   "months",  "weeks",
                                       "days",    "hours",   "minutes",
                                       "decades", "seasons", NULL };

  if (! score_token_is (s, q, "later")
      || (q > 0 && score_token_in (s, q - 1, spans)))
    return false;
  for (size_t j = hi; j < s->n_hits && s->hits[j].first <= q; j++)
    if (s->hits[j].last >= q)
      return false;
  return true;
}

/** Whether risk hit @a h is hyphenated into the name of a product: "the
    contract-review tool", "a price-comparison module" name what is
    sold or used, not a review or a comparison under way. */
static bool
names_a_product (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const nouns[] = {
    "tool",    "tools",  "software", "module",    "platform", "app", "feature",
    "product", "system", "program",  "programme", "scheme",   NULL
  };
  size_t q = (size_t) h->last + 1;

  if (q >= s->n_tokens
      || (h->first == h->last
          && (s->tokens[q].start != s->tokens[h->last].end + 1
              || '-' != s->text[s->tokens[h->last].end])))
    return false; /* one word, then: "the loyalty-app relaunch" */
  for (size_t t = h->first; t < h->last; t++)
    if (s->tokens[t + 1].start != s->tokens[t].end + 1
        || '-' != s->text[s->tokens[t].end])
      return false;
  return score_token_in (s, q, nouns);
}

/** Whether token @a q is followed by a noun of business planning: "plan",
    "programme", "schedule", "delays", "window", "risk", "policy", "rules",
    "chain", right after it or after one more hyphened word
    ("drinking-water rules", "climbing-gym chain"). */
static bool
business_noun_after (const struct score_scratch *s, size_t q)
{
  static const char *const nouns[] = {
    "plan",      "plans",    "programme",   "program", "schedule",    "delay",
    "delays",    "window",   "windows",     "risk",    "contingency", "policy",
    "procedure", "rules",    "regulations", "chain",   "chains",      "sector",
    "market",    "industry", NULL
  };

  if (q + 1 < s->n_tokens && score_token_in (s, q + 1, nouns))
    return true;
  return q + 2 < s->n_tokens
         && s->tokens[q + 2].sentence == s->tokens[q].sentence
         && s->tokens[q + 1].start == s->tokens[q].end + 1
         && '-' == s->text[s->tokens[q].end]
         && score_token_in (s, q + 2, nouns);
}

/** Whether hit @a h ends in "credit" said of money, not of praise:
    "wants credit insurance", "credit terms", "a credit limit". */
static bool
credit_in_finance (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const nouns[] = {
    "insurance", "terms", "limit",  "limits", "line",     "note", "notes",
    "card",      "check", "rating", "risk",   "facility", NULL
  };
  size_t q = (size_t) h->last + 1;

  return q < s->n_tokens && score_token_is (s, h->last, "credit")
         && score_token_in (s, q, nouns);
}

/**
 * Whether hit @a h is a sign of shopping around or of a review (004): "she
 * might take a closer look at them" is the risk itself, a buyer weighing
 * a rival, where a guess about a trait ("might want guarantees") is not
 * a fact about her.
 */
static bool
shopping_risk (const struct score_model *m, const struct score_hit *h)
{
  const struct score_cue *c = &m->cues[h->cue];

  return SCORE_TARGET_RISK == (enum score_target_kind) h->kind && c->weight > 0
         && (SCORE_DRIVER_COMPETITOR_ACTIVITY == c->target.index
             || SCORE_DRIVER_SUPPLIER_EVALUATION == c->target.index);
}

/**
 * Whether a trait is named right after someone else's possessive: "the
 * claims handlers' win", "the night desk's achievement" are theirs. A
 * call contact's name ("Dana's targets"), the organization ("the
 * company's mission") and contractions ("it's", "she's") are not.
 *
 * @param s scratch
 * @param h the hit
 * @param a first token of its clause
 * @return SCORE_READ_THIRD_PARTY or 0
 */
static uint16_t
owner (const struct score_scratch *s, const struct score_hit *h, size_t a)
{
  const struct score_token *p;
  size_t e;

  if (h->first <= a)
    return 0;
  p = &s->tokens[h->first - 1];
  e = p->end;
  if (e - p->start < 3 || 0 != s->tok_marks[h->first - 1]
      || among (s->call_names, s->n_call_names, p->hash))
    return 0;
  if ('\'' == s->text[e - 2] && 's' == (s->text[e - 1] | 0x20))
  {
    static const char *const not_owners[] = {
      "it",    "that",    "what",     "there", "here",         "let",
      "who",   "he",      "she",      "where", "how",          "one",
      "org",   "company", "business", "firm",  "organisation", "organization",
      "group", "client",  "customer", NULL
    };
    if (contracted (s, h->first - 1, not_owners))
      return 0; /* "it's", "she's": a verb, not a possessive */
    return SCORE_READ_THIRD_PARTY; /* "desk's" */
  }
  if ('s' == (s->text[e - 1] | 0x20) && e < s->text_len && '\'' == s->text[e]
      && ! (e + 1 < s->text_len && (s->text[e + 1] | 0x20) >= 'a'
            && (s->text[e + 1] | 0x20) <= 'z'))
    return SCORE_READ_THIRD_PARTY; /* "handlers'" */
  return 0;
}

/** Whether token @a p is an upper-case word or a name of a call contact
    (a new subject that ends an inherited one). */
static bool
new_subject (struct score_scratch *s, size_t p)
{
  uint64_t b;
  unsigned char c;

  if (p + 1 < s->n_tokens && score_token_is (s, p, "no")
      && (token_begins (s, p + 1, "repl") || token_begins (s, p + 1, "respon")
          || token_begins (s, p + 1, "answer")
          || token_begins (s, p + 1, "callback")))
    return true; /* "left a voicemail again - no reply to the last four
                    emails": their silence, not our doing */
  while (p + 1 < s->n_tokens && (s->tok_marks[p] & M_CONJ)
         && ! (s->tokens[p + 1].flags & TOK_CLAUSE))
    p++; /* "..., and I'd feel terrible": "I" */
  b = s->tok_marks[p];
  c = (unsigned char) s->text[s->tokens[p].start];
  return (b & (M_PRON | M_DET)) || (c >= 'A' && c <= 'Z');
}

/** Whether the clause at token @a a is an aside in brackets ("a rival
    vendor's rep (Transflow) ... was very pushy"): the subject before it
    carries on after it. */
static bool
aside (const struct score_scratch *s, size_t a)
{
  size_t p = s->tokens[a].start;

  return (p > 0 && '(' == s->text[p - 1])
         || (p > 1 && ' ' == s->text[p - 1] && '(' == s->text[p - 2]);
}

/** Reasons that keep a hit out of every reading: it is not a fact about
    anyone there now. */
#define NOT_A_FACT \
  (SCORE_READ_FORMER | SCORE_READ_PAST | SCORE_READ_HYPOTHETICAL \
   | SCORE_READ_SARCASM | SCORE_READ_NAME | SCORE_READ_FILLER)

static const uint16_t excluded[] = {
  [SCORE_TARGET_ORIENTATION] = NOT_A_FACT | SCORE_READ_THIRD_PARTY
                               | SCORE_READ_OUR_SIDE | SCORE_READ_OPPOSED
                               | SCORE_READ_SPEAKER | SCORE_READ_SELLER_SELF,
  [SCORE_TARGET_PILLAR] = NOT_A_FACT | SCORE_READ_RIVAL | SCORE_READ_DECLINED,
  [SCORE_TARGET_RISK] = NOT_A_FACT | SCORE_READ_OUR_SIDE | SCORE_READ_SPEAKER
                        | SCORE_READ_SELLER_SELF | SCORE_READ_DECLINED,
  [SCORE_TARGET_TRAIT] = NOT_A_FACT | SCORE_READ_THIRD_PARTY
                         | SCORE_READ_OUR_SIDE | SCORE_READ_SPEAKER,
  [SCORE_TARGET_VALUE] = NOT_A_FACT,
};

bool
score_hit_counts (const struct score_model *m, const struct score_hit *h)
{
  uint16_t out;

  if (h->negated)
    return false; /* no reading counts a negated hit */
  out = h->reasons & excluded[h->kind];
  if (SCORE_READ_HYPOTHETICAL == out && SCORE_TARGET_RISK == h->kind
      && SCORE_DRIVER_SUPPLIER_EVALUATION == m->cues[h->cue].target.index
      && m->cues[h->cue].weight > 0)
    return true; /* 004: "if the figure came down a little, her CFO would
                    sleep easier" is the ask for a lower price, made
                    politely */
  if (0 != out)
  {
    /* credit given is about others by nature: "the ops team did the
       heavy lifting" */
    return SCORE_TARGET_ORIENTATION == h->kind && SCORE_READ_THIRD_PARTY == out
           && 0
                == strncmp (m->cues[h->cue].id, "actualization.shares_credit",
                            27);
  }
  /* 002: trust is given by the customer; our own claim of it ("told my
     manager we're their trusted advisor") is not */
  return ! (SCORE_TARGET_PILLAR == h->kind
            && (h->reasons & (SCORE_READ_OUR_SIDE | SCORE_READ_SELLER_SELF))
            && SCORE_PILLAR_TRUST == m->cues[h->cue].target.index);
}

/** The speaker reason: a cue said by someone it cannot describe (the
    seller's own line is not the buyer's orientation or risk; a buyer's
    line is not the seller's trait). */
static uint16_t
speaker_reason (enum score_target_kind k, uint8_t speaker)
{
  if (((SCORE_TARGET_ORIENTATION == k || SCORE_TARGET_RISK == k)
       && SCORE_SAY_SELLER == speaker)
      || (SCORE_TARGET_ORIENTATION == k
          && (SCORE_SAY_OTHER == speaker || SCORE_SAY_RECORD == speaker))
      || (SCORE_TARGET_TRAIT == k
          && (SCORE_SAY_BUYER == speaker || SCORE_SAY_OTHER == speaker)))
    return SCORE_READ_SPEAKER;
  return 0;
}

/**
 * Whether the clause starting at token @a a is what someone does not want:
 * it follows "instead of" ("a partner who points at our weak spots
 * instead of telling me everything's lovely").
 */
static bool
rejected_clause (const struct score_scratch *s, size_t a)
{
  size_t p = s->tokens[a].start;
  static const char word[] = "instead";

  while (p > 0 && ' ' == s->text[p - 1])
    p--;
  /* "instead" itself is a clause break, so the clause starts at "of" */
  if (p < 7 || 'd' != (s->text[p - 1] | 0x20))
    return false;
  for (size_t k = 0; k < 7; k++)
    if (word[k] != (s->text[p - 7 + k] | 0x20))
      return false;
  return p == 7 || ! word_char ((unsigned char) s->text[p - 8]);
}

/**
 * Whether hit @a g only sets the scene of an Actualization act in its
 * clause, so the act stands against the clause's other orientations
 * however long their phrases (oppose()): the audience credit is given in
 * front of ("gave credit for the plan to the build team in front of the
 * CEO" is no wish to be seen: Power's "in front of the CEO" names no
 * credit of its own), and the case a risk is owned for ("if it goes
 * wrong it's on her": Security's "if it goes wrong", contingency_owned()).
 *
 * @param m model
 * @param s scratch
 * @param g the hit
 * @param h0 first hit of the clause
 * @param h1 one past its last
 */
static bool
yields (const struct score_model *m, const struct score_scratch *s,
        const struct score_hit *g, size_t h0, size_t h1)
{
  const char *id = m->cues[g->cue].id;
  const char *act;

  if (0 == strcmp (id, "power.recognition"))
  {
    for (size_t q = g->first; q <= g->last; q++)
      if (token_begins (s, q, "credit"))
        return false; /* "takes the credit in front of the board" */
    act = "actualization.shares_credit";
  }
  else if (0 == strcmp (id, "security.guarantee")
           && score_token_is (s, g->first, "if"))
    act = "actualization.takes_risks";
  else
    return false;
  for (size_t k = h0; k < h1; k++)
    if (0 == strcmp (m->cues[s->hits[k].cue].id, act)
        && score_hit_counts (m, &s->hits[k]))
      return true;
  return false;
}

/**
 * Among the orientation hits of one clause that count, when Actualization
 * meets an orientation it is the opposite of (Power's wish for credit,
 * Security's aversion to risk, Affiliation's loyalty), only the longest
 * phrase stands: "gives the credit to her team" is not also "credit",
 * "accepts a rough few weeks for the bigger gain" is not also "risk".
 * So too Affiliation's hospitality over Power's insistence: "insisted the
 * whole team come to their barbecue" is warmth, not dominance. Equal
 * lengths keep both; other pairs are no contradiction.
 *
 * @param m model
 * @param s scratch
 * @param h0 first hit of the clause
 * @param h1 one past its last
 */
static void
oppose (const struct score_model *m, struct score_scratch *s, size_t h0,
        size_t h1)
{
  uint32_t best = 0;
  int best_o = -1;
  bool tie = false;
  bool acted = false; /* a hit yields to the clause's Actualization act */

  if (h1 - h0 < 2)
    return; /* a lone hit opposes nothing */
  for (size_t k = h0; k < h1; k++)
  {
    const struct score_hit *h = &s->hits[k];
    const struct score_cue *cue = &m->cues[h->cue];
    uint32_t len = h->last - h->first + 1;

    if (SCORE_TARGET_ORIENTATION != cue->target.kind || cue->weight <= 0
        || ! score_hit_counts (m, h))
      continue;
    if (yields (m, s, h, h0, h1))
    {
      acted = true;
      continue;
    }
    if (len > best)
    {
      best = len;
      best_o = cue->target.index;
      tie = false;
    }
    else if (len == best && best_o != cue->target.index)
      tie = true;
  }
  if (acted)
  {
    best_o = SCORE_ORIENTATION_ACTUALIZATION; /* the act is what the
                                                 clause says */
    tie = false;
  }
  if (best_o < 0 || tie)
    return;
  for (size_t k = h0; k < h1; k++)
  {
    struct score_hit *h = &s->hits[k];
    const struct score_cue *cue = &m->cues[h->cue];

    if (SCORE_TARGET_ORIENTATION == cue->target.kind && cue->weight > 0
        && cue->target.index != best_o
        && (SCORE_ORIENTATION_ACTUALIZATION == best_o
            || SCORE_ORIENTATION_ACTUALIZATION == cue->target.index
            || (SCORE_ORIENTATION_AFFILIATION == best_o
                && SCORE_ORIENTATION_POWER == cue->target.index)))
      h->reasons |= SCORE_READ_OPPOSED;
  }
}

/** Words that open a clause subordinate to the one before them. */
static const char *const subordinators[] = { "until", "unless",  "who",
                                             "which", "once",    "because",
                                             "so",    "whereas", NULL };

/**
 * Whether a subordinate clause opens between the clause's start @a a and
 * its negator @a q: "trains our nurses until they don't need to ring
 * you" waves away neither the training nor anything before it.
 */
static bool
subordinate (const struct score_scratch *s, size_t a, size_t q)
{
  for (size_t r = a + 1; r < q; r++)
    if (score_token_in (s, r, subordinators))
      return true;
  return false;
}

/**
 * A negator whose line goes on to a colon opens a negated list ("What we
 * won't do: rush jobs, lowest-bid work" or a list on the next lines): its
 * items are not values held, to the end of the sentence when they follow
 * the colon on its line, to the next blank line when they start on the
 * next line. A negated clause that names a value of its own before the
 * colon ("We do not cut corners: every implementation ...") opens no
 * list: what follows explains it.
 *
 * @param s scratch
 * @param q the negator token
 * @param[in,out] from first byte of the list
 * @param[in,out] to one past its last byte
 * @param[in,out] seen where the last look stopped (0 before the first)
 */
static void
list_negation (const struct score_scratch *s, size_t q, size_t *from,
               size_t *to, size_t *seen)
{
  const char *t = s->text;
  size_t p = s->tokens[q].end;
  size_t stop = s->text_len; /* the line's end or its first '.' */
  const char *x;

  /* negators come in text order: one that ends before the stop of the
     last look finds what that look found, and set it already */
  if (p <= *seen)
    return;
  if (p < s->text_len && '-' == t[p])
    return; /* "the low-cost, no-frills option: quick installation":
               a compound, not a negator opening a list */
  if (p < stop && NULL != (x = memchr (t + p, '\n', stop - p)))
    stop = (size_t) (x - t);
  if (p < stop && NULL != (x = memchr (t + p, '.', stop - p)))
    stop = (size_t) (x - t);
  *seen = stop;
  if (p < stop && NULL != (x = memchr (t + p, ':', stop - p)))
  {
    const char *end = NULL;

    size_t k = (size_t) (x - t) + 1;

    for (size_t i = 0; i < s->n_hits; i++)
      if (SCORE_TARGET_VALUE == (enum score_target_kind) s->hits[i].kind
          && s->tokens[s->hits[i].first].start > p
          && s->tokens[s->hits[i].last].end <= (size_t) (x - t))
        return; /* "We do not cut corners: every implementation follows a
                   full method": the negated clause names its value, and
                   the colon explains it */

    p = (size_t) (x - t);
    while (k < s->text_len && (' ' == t[k] || '\t' == t[k]))
      k++;
    if (k < s->text_len && '\n' != t[k] && '\r' != t[k])
    {
      /* the items run on after the colon: the list is that sentence
         ("What we won't do: on-premise installs or custom forks. What
         we will do: stay, train, answer.") */
      for (; k < s->text_len && NULL == end; k++)
        if ('\n' == t[k]
            || ('.' == t[k]
                && (k + 1 >= s->text_len || ' ' == t[k + 1]
                    || '\n' == t[k + 1])))
          end = t + k;
    }
    else
      for (k = p + 1; k + 1 < s->text_len && NULL == end; k++)
        if ('\n' == t[k] && '\n' == t[k + 1])
          end = t + k;
    *from = p;
    *to = (NULL == end) ? s->text_len : (size_t) (end - t);
    *seen = p;
  }
}

/** Words that evade what follows them: "skip the certificates",
    "ignore the regulations". */
static const char *const evasions[] = { "skip",    "skips",      "skipping",
                                        "avoid",   "avoids",     "avoiding",
                                        "ignore",  "ignores",    "ignoring",
                                        "neglect", "neglects",   "bypass",
                                        "dodge",   "circumvent", NULL };

/**
 * Whether the word at @a q, in the clause starting at @a a, evades what
 * follows it and a negator denies it, up to two words before it ("we
 * don't skip", "we never ever ignore"): what it would evade is held.
 */
static bool
evasion_denied (const struct score_scratch *s, size_t a, size_t q)
{
  if (SIZE_MAX == q || ! score_token_in (s, q, evasions))
    return false;
  return (q > a && SCORE_TOKEN_NEG == s->tokens[q - 1].hash)
         || (q > a + 1 && SCORE_TOKEN_NEG == s->tokens[q - 2].hash);
}

/**
 * Whether an "and" and then a relative pronoun stand between tokens
 * @a q and @a h of one clause: "we need the lessons never to drop and a
 * team that fixes things the same day" gives the team's fixing a verb
 * of its own, out of the negated infinitive's reach.
 */
static bool
new_predicate (const struct score_scratch *s, size_t q, size_t h)
{
  static const char *const relatives[] = { "that", "who", "which", NULL };

  for (size_t r = q + 1; r + 1 < h; r++)
    if (score_token_is (s, r, "and"))
      for (size_t t = r + 1; t < h && t <= r + 4; t++)
        if (score_token_in (s, t, relatives))
          return true;
  return false;
}

/** What a business charges on top: refused, money is saved. */
static const char *const burdens[] = { "fee",     "fees",      "charge",
                                       "charges", "surcharge", "surcharges",
                                       "extras",  "markup",    "markups",
                                       "overage", "overages",  "costs",
                                       NULL };

/**
 * A value negated through a loss is affirmed: "the workers don't lose
 * time", "never lets a farmer down", "we can't compromise on quality"
 * value time, reliability and quality (a cue for the value, not one
 * against it); so is time lost refused right before its words ("no
 * re-keying", "without waiting"), and a charge refused ("no setup
 * fees").
 *
 * @param m model
 * @param s scratch
 * @param h a negated value hit
 * @param a first token of its clause
 */
static void
affirmed_value (const struct score_model *m, const struct score_scratch *s,
                struct score_hit *h, size_t a)
{
  bool loss = false;

  if (SCORE_VALUE_TIME_SAVINGS == m->cues[h->cue].target.index && h->first > a
      && (score_token_is (s, h->first - 1, "no")
          || score_token_is (s, h->first - 1, "without")
          || score_token_is (s, h->first - 1, "zero")))
  {
    h->negated = false; /* "no re-keying", "without waiting": the time
                           lost is refused, the time held */
    return;
  }
  if (SCORE_VALUE_COST_SAVINGS == m->cues[h->cue].target.index
      && score_token_in (s, h->last, burdens)
      && (score_token_is (s, h->first, "no")
          || (h->first > a
              && (score_token_is (s, h->first - 1, "no")
                  || score_token_is (s, h->first - 1, "zero")
                  || score_token_is (s, h->first - 1, "without")))))
  {
    h->negated = false; /* "no setup fees", "no extras we won't use": a
                           cost refused, money saved held, where "no
                           discounts" still refuses the cheap deal */
    return;
  }

  for (size_t q = h->first; q <= h->last && ! loss; q++)
    loss = 0 != (s->tok_marks[q] & M_LOSS); /* "lose time" */
  for (size_t q = h->first; q > a && h->first - q < 6; q--)
  {
    if (s->tok_marks[q - 1] & M_LOSS)
      loss = true;
    else if (SCORE_TOKEN_NEG == s->tokens[q - 1].hash)
    {
      if (loss)
        h->negated = false;
      return;
    }
  }
}

/** Whether one of @a words stands among tokens [@a a, @a b). */
static bool
any_within (const struct score_scratch *s, size_t a, size_t b,
            const char *const *words)
{
  for (size_t q = a; q < b; q++)
    if (score_token_in (s, q, words))
      return true;
  return false;
}

/** What makes a clause's end its goal ("until they no longer need us"). */
static const char *const untils[] = { "until", "till", NULL };

/** What joins the items of a list that may go on under a "no". */
static const char *const ors[] = { "or", "nor", NULL };

/**
 * Whether the negator at token @a q of the clause starting at @a a only
 * contrasts two things ("Slack not email", "a human, not a ticket
 * number"): a bare "not" after a word that is neither a pronoun nor an
 * auxiliary, or opening a clause after a comma. It negates what follows,
 * not a list after it.
 */
static bool
contrast (const struct score_scratch *s, size_t a, size_t q)
{
  const struct score_token *t = &s->tokens[q];
  const char *w = s->text + t->start;

  if (t->end - t->start != 3 || 'n' != (w[0] | 0x20) || 'o' != (w[1] | 0x20)
      || 't' != (w[2] | 0x20))
    return false;
  if (q == a)
    return q > 0 && ! (t->flags & TOK_SENTENCE)
           && NULL
                != memchr (s->text + s->tokens[q - 1].end, ',',
                           t->start - s->tokens[q - 1].end); /* "for
                                    planners on the floor, not for
                                    executives: fewer screens, faster
                                    plans" */
  return ! (s->tok_marks[q - 1] & (M_AUX | M_PRON));
}

/** Whether token @a q opens "a waste of (my) time", "waste of money",
    "waste of effort": what is said to be one is waved away ("support
    requests are a waste of my time"); "waste" alone is a value's word
    ("we hate waste"). */
static bool
waste_of (const struct score_scratch *s, size_t q, size_t b)
{
  size_t r = q + 2;

  if (q + 2 >= b || ! score_token_is (s, q, "waste")
      || ! score_token_is (s, q + 1, "of"))
    return false;
  if (r + 1 < b && (s->tok_marks[r] & (M_PRON | M_OURS)))
    r++; /* "waste of my time", "waste of our money" */
  return score_token_is (s, r, "time") || score_token_is (s, r, "money")
         || score_token_is (s, r, "effort") || score_token_is (s, r, "energy");
}

/** Whether token @a q opens "means nothing" or "a waste of time" (a value
    waved away). */
static bool
means_nothing (const struct score_scratch *s, size_t q, size_t b)
{
  const struct score_token *t;

  if (token_begins (s, q, "wast"))
    return waste_of (s, q, b); /* "we waste nothing", "wasted nothing"
                                  wave nothing away */
  if (! (s->tok_marks[q] & M_MEANS) || q + 1 >= b
      || SCORE_TOKEN_NEG != s->tokens[q + 1].hash)
    return false;
  t = &s->tokens[q + 1];
  return 7 == t->end - t->start
         && 0 == memcmp (s->text + t->start, "nothing", 7);
}

/** What "over long" spans when it spans a time. */
static const char *const long_spans[] = { "run",     "term",       "haul",
                                          "periods", "period",     "stretches",
                                          "spells",  "horizons",   "cycles",
                                          "years",   "timescales", NULL };

/** Words that count: "over ten years", "more than a dozen sites". */
static const char *const counting[] = {
  "a",       "one",   "two",  "three",  "four",   "five",   "six",
  "seven",   "eight", "nine", "ten",    "twenty", "thirty", "fifty",
  "hundred", "dozen", "half", "double", "twice",  NULL
};

/** Verbs "over" completes ("hand over the paperwork", "go over the
    figures", "win them over"), where it puts nothing second. */
static const char *const handing[] = {
  "hand",   "hands", "handed", "handing", "go",   "goes", "went", "going",
  "look",   "looks", "looked", "run",     "runs", "ran",  "pass", "passes",
  "passed", "turn",  "turns",  "turned",  "win",  "won",  "all",  NULL
};

/** Whether "over" at token @a q spans a time ("over the long run", "over
    the years", "over the next five years"), where it puts nothing
    second. */
static bool
over_time (const struct score_scratch *s, size_t q)
{
  size_t r = q + 1;

  if (! score_token_is (s, q, "over"))
    return false;
  if (q > 0 && score_token_in (s, q - 1, handing))
    return true; /* "hand over paperwork", "go over the figures" */
  if (r < s->n_tokens
      && ((s->tok_marks[r] & M_DET) || score_token_is (s, r, "many")
          || score_token_is (s, r, "several")))
    r++; /* "over the years", "over many years" */
  if (r + 1 < s->n_tokens
      && (score_token_in (s, r, counting)
          || (s->text[s->tokens[r].start] >= '0'
              && s->text[s->tokens[r].start] <= '9'))
      && (score_token_is (s, r + 1, "years")
          || score_token_is (s, r + 1, "decade")
          || score_token_is (s, r + 1, "decades")
          || score_token_is (s, r + 1, "seasons")))
    return true; /* "profitability over ten years, not one good spring" */
  if (r + 1 < s->n_tokens && score_token_is (s, r, "long")
      && ! score_token_in (s, r + 1, long_spans))
    for (size_t p = q; p > 0 && p + 8 > q
                       && s->tokens[p - 1].sentence == s->tokens[q].sentence;
         p--)
      if (token_begins (s, p - 1, "prefer") || token_begins (s, p - 1, "favo")
          || token_begins (s, p - 1, "choos")
          || token_begins (s, p - 1, "chose"))
        return false; /* "I prefer quick deals over long partnerships";
                         "built over long partnerships" spans a time */
  return r < s->n_tokens
         && (score_token_is (s, r, "long") || score_token_is (s, r, "years")
             || score_token_is (s, r, "months")
             || score_token_is (s, r, "next") || score_token_is (s, r, "past")
             || score_token_is (s, r, "time")
             || score_token_is (s, r, "decades")
             || score_token_is (s, r, "course"));
}

/** After a word of unease, what follows is what it is uneasy with:
    "nervous when", "uncomfortable with", "uneasy about". */
static const char *const uneasy_at[] = { "when",   "with", "about",
                                         "around", "if",   NULL };

/** Words of M_AGAINST only after "me": "... drive(s) me crazy", "makes
    me mad" (where "a reliability nut" is a devotee). */
static const char *const maddening[] = { "crazy", "mad", "nuts", "nut", NULL };

/** What "too" says is in excess of what the party will bear:
    "certification takes too long", "the green option is too expensive
    for us", "human casting is too slow": it stands against what comes
    before it in its clause. */
static const char *const excess[] = {
  "long",         "slow",  "expensive", "costly", "complicated", "complex",
  "bureaucratic", "risky", "rigid",     "formal", NULL
};

/** Liking words a negator before turns into a dislike of what follows:
    "I don't like customers who want to try things first", "I don't
    enjoy selling them". */
static const char *const liking[] = { "like", "enjoy", "love", NULL };

/** Whose time is wasted: "waste my time with X" stands against X. */
static const char *const whose_time[] = { "my", "our", "your", NULL };

/** "Not my thing", "isn't my style": what precedes is not for the
    speaker. */
static const char *const my_kind[] = { "thing", "style", "scene", "cup",
                                       NULL };

/** What a thing is dismissed as ("the whole sustainability thing is
    marketing", "it's all hype") after "is", "just", "all", "pure" or
    "mostly". */
static const char *const mere_talk[] = { "marketing", "hype",    "spin", "pr",
                                         "theatre",   "theater", NULL };
static const char *const mere[] = {
  "is", "just", "all", "pure", "mostly", NULL
};

/** What a thing feels like to one who stands against it: "feels like
    chaos", "sounds like marketing", "feels like wasted time". */
static const char *const chores[] = {
  "chaos",   "marketing", "hype",     "spin",  "pr",     "theatre",
  "theater", "waste",     "wasted",   "chore", "burden", "nightmare",
  "torture", "noise",     "homework", "red",   NULL
};

/**
 * Whether "like" at token @a q, after "feel", "sound", "look" or "seem",
 * says what precedes it is a chore, a waste or mere talk (@a b ends the
 * clause): "long relationship-building feels like wasted time to me".
 */
static bool
feels_like_a_chore (const struct score_scratch *s, size_t q, size_t b)
{
  static const char *const seeming[] = { "feel",  "feels",  "felt",
                                         "sound", "sounds", "look",
                                         "looks", "seems",  NULL };
  size_t r = q + 1;

  if (! score_token_is (s, q, "like") || ! score_token_in (s, q - 1, seeming))
    return false;
  if (r + 1 < b
      && (score_token_is (s, r, "a") || score_token_is (s, r, "an")
          || score_token_is (s, r, "pure")))
    r++;
  return score_token_in (s, r, chores)
         && ! (score_token_is (s, r, "red") /* "red tape" only */
               && ! (r + 1 < b && score_token_is (s, r + 1, "tape")));
}

/**
 * Whether the negator at token @a q begins "not for me", "not my thing",
 * "not my style": the speaker turns away what precedes it ("Long
 * committee processes and dinners aren't for me").
 */
static bool
not_for_me (const struct score_scratch *s, size_t b, size_t q)
{
  static const char *const softly[] = { "really", "quite", "exactly",
                                        "much",   "so",    NULL };
  static const char *const wanting[] = { "want",   "like",   "enjoy", "love",
                                         "choose", "prefer", NULL };

  if (SCORE_TOKEN_NEG != s->tokens[q].hash || q + 2 > b)
    return false;
  if (q + 3 < b && score_token_in (s, q + 1, softly))
    q++; /* "formal clients are not really for me" */
  if (score_token_is (s, q + 1, "for") && score_token_is (s, q + 2, "me"))
    return true;
  if (q + 3 < b
      && (score_token_is (s, q + 1, "how")
          || score_token_is (s, q + 1, "what"))
      && (score_token_is (s, q + 2, "i") || score_token_is (s, q + 2, "we"))
      && (score_token_in (s, q + 3, wanting)
          || (q + 4 < b && score_token_in (s, q + 4, wanting))))
    return true; /* "weeks of joint workshops are not how I want to spend
                    my time", "is not what I enjoy" */
  return q + 2 < b && score_token_is (s, q + 1, "my")
         && score_token_in (s, q + 2, my_kind);
}

/** Whether token @a q is a gerund or "being" (what a word of unease
    is uneasy with: "uncomfortable being the first to try"). */
static bool
gerund (const struct score_scratch *s, size_t q)
{
  size_t n = s->tokens[q].end - s->tokens[q].start;
  const char *w = s->text + s->tokens[q].start;

  return n > 4 && 'i' == (w[n - 3] | 0x20) && 'n' == (w[n - 2] | 0x20)
         && 'g' == (w[n - 1] | 0x20);
}

/** Whether "even" stands up to three words before token @a q in the
    clause from @a a: "tell us the truth even when it's uncomfortable"
    wants the truth all the same. */
static bool
conceding (const struct score_scratch *s, size_t a, size_t q)
{
  for (size_t r = q; r > a && r + 4 > q; r--)
    if (score_token_is (s, r - 1, "even"))
      return true;
  return false;
}

/** Whether a value hit before hit @a h0 starts in tokens [@a p, @a q). */
static bool
value_between (const struct score_scratch *s, size_t h0, size_t p, size_t q)
{
  for (size_t j = h0; j > 0; j--)
  {
    const struct score_hit *h = &s->hits[j - 1];

    if (h->first < p)
      break;
    if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind && h->first < q)
      return true;
  }
  return false;
}

/** Whether a number follows "than" at token @a q ("clients with me for
    more than ten years", "more than 40 sites"): a quantity, not one
    thing put before another. */
static bool
counted_after (const struct score_scratch *s, size_t q)
{
  char c;

  if (q + 1 >= s->n_tokens)
    return false;
  c = s->text[s->tokens[q + 1].start];
  return (c >= '0' && c <= '9') || score_token_in (s, q + 1, counting);
}

/**
 * Value marks at token @a q of the clause [a, b): a word against what
 * precedes it ("rules slow everything down", "sustainability talk is
 * greenwashing", "service is someone else's job"), against what follows
 * it ("skip the certificates"), what puts the rest second ("stability
 * over novelty", "safety before price", "more than price"), and "not
 * negotiable" / "not optional", which insist.
 */
static void
value_marks (const struct score_scratch *s, size_t a, size_t b, size_t q,
             size_t *against_at, size_t *skip_at, size_t *over_at,
             size_t *under_at, bool *firm)
{
  uint64_t bits = s->tok_marks[q];

  if ((bits & M_AGAINST) && q + 1 < b && *skip_at > q
      && ! score_token_is (s, q, "too")
      && (score_token_in (s, q + 1, uneasy_at) || gerund (s, q + 1)))
    *skip_at = q; /* "I get nervous when clients want to experiment",
                     "uncomfortable being the first to try anything":
                     uneasy with what follows, not with what went before
                     ("I sell what's proven and I'm uncomfortable ...") */
  else if ((bits & M_AGAINST) && q > a && *against_at > q
           && (! score_token_in (s, q, maddening)
               || score_token_is (s, q - 1, "me"))
           && (! score_token_is (s, q, "wall")
               || (q >= a + 3 && score_token_is (s, q - 3, "me")
                   && score_token_is (s, q - 2, "up")))
           && (! score_token_is (s, q, "too")
               || (q + 1 < b && score_token_in (s, q + 1, excess)))
           && ((! token_begins (s, q, "stress")
                && ! token_begins (s, q, "wear"))
               || score_token_is (s, q, "stressful")
               || (q + 1 < b
                   && (score_token_is (s, q + 1, "me")
                       || score_token_is (s, q + 1, "us"))))
           && ! conceding (s, a, q))
    *against_at = q; /* "... drive me crazy", "... drive me up the wall",
                        "scorecards stress me out", "committees wear me
                        out", not "crazy about quality", a wall display,
                        "quality is what we stress", nor "the truth even
                        when it's uncomfortable" */
  if (q > a && *against_at > q && not_for_me (s, b, q))
    *against_at = q; /* "dinners with department heads aren't for me" */
  if (q > a && *against_at > q && score_token_in (s, q, mere_talk)
      && score_token_in (s, q - 1, mere))
    *against_at = q; /* "the whole sustainability thing is marketing" */
  if (*skip_at > q + 1 && q + 1 < b && SCORE_TOKEN_NEG == s->tokens[q].hash
      && score_token_in (s, q + 1, liking))
    *skip_at = q + 1; /* "I don't like customers who want to try things"
                         (found at the negator: "like" carries no mark) */
  if (*skip_at > q && q + 2 < b && token_begins (s, q, "wast")
      && score_token_in (s, q + 1, whose_time)
      && score_token_is (s, q + 2, "time"))
    *skip_at = q; /* "don't waste my time with relationship building" */
  if (*against_at > q && q > a && q + 2 < b && token_begins (s, q, "wast")
      && score_token_in (s, q + 1, whose_time)
      && score_token_is (s, q + 2, "time")
      && SCORE_TOKEN_NEG != s->tokens[q - 1].hash
      && value_between (s, s->n_hits, a, q))
    *against_at = q; /* "Committees and long consensus processes waste my
                        time" */
  if ((bits & M_ELSE) && q > a && (s->tok_marks[q - 1] & M_SOMEONE)
      && *against_at > q)
    *against_at = q; /* "service is someone else's job" */
  if ((bits & M_SLOW) && q > a && *against_at > q)
    for (size_t r = q + 1; r < b && r <= q + 4; r++)
      if (s->tok_marks[r] & M_DOWN)
      {
        *against_at = q; /* "slows us down", not "slow response times" */
        break;
      }
  if ((bits & M_SKIP) && *skip_at > q)
    *skip_at = q;
  if (*skip_at > q && q > a && score_token_is (s, q, "against")
      && ((s->tok_marks[q - 1] & M_AUX) || contracted_be (s, q - 1)))
    *skip_at = q; /* "we're against long contracts", not "insurance
                     against outages" */
  if ((bits & M_AND) && *skip_at < q && q + 1 < b
      && (s->tok_marks[q + 1] & M_PRON))
    *skip_at = SIZE_MAX; /* "I hate process and I get impatient": the
                            dislike ends where a new subject starts */
  if ((bits & M_THAN) && q > a && *over_at > q && *under_at > q
      && ! counted_after (s, q))
  {
    size_t r = a;

    /* from the clause's start, or the sentence's when a list's commas
       stand between: "rather small, steady, sustainable firms than
       growth at all costs" */
    while (r > 0 && q - r < 12
           && s->tokens[r - 1].sentence == s->tokens[q].sentence)
      r--;
    for (; r < q; r++)
      if (SCORE_TOKEN_EMPHATIC == s->tokens[r].hash)
        break; /* "Nothing I enjoy more than ...": what follows is first */
      else if (s->tok_marks[r] & M_MORE)
      {
        if (score_token_is (s, r, "less"))
          *under_at = q; /* "saving money matters less than being
                            compliant": what comes before is second */
        else
          *over_at = q; /* "more than price", "rather X than Y" */
        break;
      }
  }
  if (*over_at > q && q + 1 < b
      && (score_token_is (s, q, "despite")
          || score_token_is (s, q, "regardless")
          || ((bits & M_WHATEVER) && (s->tok_marks[q + 1] & M_DET))))
    *over_at = q; /* "whatever the deadline pressure", "regardless of
                     cost", "despite the price": what follows is put
                     second, even at the clause's start */
  if ((bits & M_OVER) && q > a && *over_at > q && ! over_time (s, q)
      && ! (score_token_is (s, q, "ahead")
            && ! (q + 1 < b && score_token_is (s, q + 1, "of"))))
    *over_at = q; /* "ahead of the unit price", not "plan further ahead" */
  if ((bits & M_TO) && q > a + 1 && *over_at > q && q + 1 < b
      && ! (s->tok_marks[q + 1] & (M_AUX | M_PRON)))
    for (size_t p = a; p + 1 < q; p++)
      if (token_begins (s, p, "prefer")
          && value_between (s, s->n_hits, p + 1, q))
      {
        *over_at = q; /* "I prefer a quick chat to formal minutes", not
                         "prefer to talk", "prefer clients to be ready"
                         nor "prefer customers to move fast" */
        break;
      }
  if ((bits & M_FIRM) && q > a && SCORE_TOKEN_NEG == s->tokens[q - 1].hash)
    *firm = true;
}

/** The first byte after token @a q past spaces, or '\0' at the end. */
static char
byte_after (const struct score_scratch *s, size_t q)
{
  size_t p = s->tokens[q].end;

  while (p < s->text_len && ' ' == s->text[p])
    p++;
  return p < s->text_len ? s->text[p] : '\0';
}

/** Whether token @a q ends a topic put up for comment: a "?", ":", dash
    or "=" follows it ("Innovation? ...", "Price: ...", "Speed - ...",
    "growth = everything"). */
static bool
posed (const struct score_scratch *s, size_t q)
{
  char c = byte_after (s, q);

  return '?' == c || ':' == c || '-' == c || '=' == c;
}

/** Whether the clause [@a st, @a a) grants a value something only for the
    next clause, after "but", to take it back: "Partnership sounds nice
    but we've never needed one". */
static bool
conceded (const struct score_scratch *s, size_t st, size_t a)
{
  size_t p = s->tokens[a - 1].end;
  size_t e = s->tokens[a].start;
  bool nice = false;

  for (size_t q = st; q < a && ! nice; q++)
    nice = (s->tok_marks[q] & M_NICE) || score_token_is (s, q, "sounds");
  if (! nice)
    return false;
  while (p + 3 <= e)
  {
    if ('b' == (s->text[p] | 0x20) && 'u' == (s->text[p + 1] | 0x20)
        && 't' == (s->text[p + 2] | 0x20))
      return true;
    p++;
  }
  return false;
}

/** Whether the clause [@a st, @a a) opens its sentence and a comma ends
    it: the first of a list of what the next clause says ("Cheap,
    high-volume suppliers don't interest us"). */
static bool
listed_first (const struct score_scratch *s, size_t st, size_t a)
{
  if (! (s->tokens[st].flags & TOK_SENTENCE) || a >= s->n_tokens
      || s->tokens[a].sentence != s->tokens[st].sentence)
    return false;
  return ',' == byte_after (s, a - 1);
}

/** Whether token @a q is followed by "=" (a shorthand definition:
    "innovation for its own sake = no thanks"). */
static bool
equated (const struct score_scratch *s, size_t q)
{
  return '=' == byte_after (s, q);
}

/** Whether token @a q is a filler word standing alone ("Honestly,",
    "Frankly,", "Well,"): an -ly word or a conjunction. */
static bool
filler_word (const struct score_scratch *s, size_t q)
{
  return (s->tok_marks[q] & M_CONJ) || ly (s, q);
}

/**
 * A clause that waves a value away ("not a priority", "box-ticking")
 * right after a clause of one or two words ("Sustainability? ...") waves
 * that topic away too (over a filler between: "Innovation? Honestly,
 * that's not something we think about").
 *
 * @param m model
 * @param s scratch
 * @param a first token of the dismissive clause
 * @param h0 its first hit (hits before it are earlier in the text)
 */
static void
dismiss_topic (const struct score_model *m, struct score_scratch *s, size_t a,
               size_t h0)
{
  static const char *const these[] = { "these", "those", "both", NULL };
  size_t st;

  if (0 == a)
    return;
  st = a - 1;
  while (st > 0 && ! (s->tokens[st].flags & TOK_CLAUSE))
    st--;
  if (score_token_in (s, a, these))
  {
    /* "Innovation, partnership, these words are not relevant to us": the
       short items listed before it, back to the sentence's start */
    size_t from = a;
    size_t end = a;

    while (end - st <= 3 && s->tokens[st].sentence == s->tokens[a].sentence)
    {
      from = st;
      if (0 == st || (s->tokens[st].flags & TOK_SENTENCE))
        break;
      end = st;
      st = end - 1;
      while (st > 0 && ! (s->tokens[st].flags & TOK_CLAUSE))
        st--;
    }
    for (size_t j = h0; from < a && j > 0; j--)
    {
      struct score_hit *h = &s->hits[j - 1];

      if (h->first < from)
        break;
      if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind)
      {
        h->negated = true;
        h->reasons |= SCORE_READ_NEGATED;
      }
    }
    return;
  }
  if (1 == a - st && st > 0 && filler_word (s, st))
  {
    a = st; /* "Innovation? Honestly, that's not something we think
               about": the topic is before the "Honestly" */
    st = a - 1;
    while (st > 0 && ! (s->tokens[st].flags & TOK_CLAUSE))
      st--;
  }
  for (int k = 0; k < 3 && st > 0 && ! posed (s, a - 1)
                  && s->tokens[st].sentence == s->tokens[a].sentence
                  && ! value_between (s, h0, st, a);
       k++)
  {
    /* "Green? That's brochure talk, not our problem, we don't care": the
       clauses of the answer before this one say nothing of their own */
    a = st;
    st = a - 1;
    while (st > 0 && ! (s->tokens[st].flags & TOK_CLAUSE))
      st--;
  }
  /* a posed topic headed by the value may take a few words: "Quality of
     the shell? Not relevant to us" */
  if (! (posed (s, a - 1) || listed_first (s, st, a) || conceded (s, st, a))
      || a - st > ((equated (s, a - 1) || conceded (s, st, a)
                    || (posed (s, a - 1) && value_between (s, h0, st, st + 1)))
                     ? 5u
                     : 2u))
    return; /* "Cost savings. Honestly the green stuff is marketing
               fluff": a value stated, then another waved away; a topic
               "=" a verdict may take a few words ("innovation for its
               own sake = no thanks") */
  for (size_t j = h0; j > 0; j--)
  {
    struct score_hit *h = &s->hits[j - 1];

    if (h->first < st)
      break;
    if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind && h->first < a)
    {
      h->negated = true;
      h->reasons |= SCORE_READ_NEGATED;
    }
  }
}

/** Whether token @a q is a word of ranking that says nothing alone:
    "list", "priorities", "worries", "role", "think" ("not on the list
    yet, she wants references" does not wave the references away; "not
    something we think about" waves a value away, "doesn't think the
    guarantee is enough" does not wave the guarantee). */
static bool
rank_word (const struct score_scratch *s, size_t q)
{
  return score_token_is (s, q, "list") || score_token_is (s, q, "priorities")
         || score_token_is (s, q, "worries") || score_token_is (s, q, "role")
         || score_token_is (s, q, "thanks") || token_begins (s, q, "think");
}

/** Whether negator @a q before word @a r waves nothing away: "without" or
    "no" before "think" ("work every day without anyone thinking about
    it", where "not something we think about" waves it away), or an
    ultimatum's "or" before the negator ("show me the ROI in numbers or
    don't bother" insists on it). */
static bool
thinking_without (const struct score_scratch *s, size_t q, size_t r)
{
  if (q > 0 && score_token_is (s, q - 1, "or"))
    return true;
  return (s->tokens[q].flags & TOK_NEG_FWD) && token_begins (s, r, "think");
}

/**
 * Whether token @a q, a word of ranking ("list", "priority", "worries"),
 * is ranked low: "low on our list", "at the bottom of the list",
 * "way down the list", "the least of our worries", "a lower priority".
 *
 * @param s scratch
 * @param q the token
 * @param a first token of its clause
 */
static bool
ranked_low (const struct score_scratch *s, size_t q, size_t a)
{
  static const char *const low[] = { "low",     "lower", "lowest",
                                     "bottom",  "down",  "far",
                                     "further", "last",  "least" };
  bool ranked = rank_word (s, q) || score_token_is (s, q, "priority");

  for (size_t p = q > a + 3 ? q - 3 : a; ranked && p < q; p++)
    for (size_t i = 0; i < sizeof (low) / sizeof (low[0]); i++)
      if (score_token_is (s, p, low[i])
          && ! (p > 0 && score_token_is (s, p - 1, "at")))
        return true; /* "at least as high a priority" ranks it high */
  return false;
}

/**
 * Whether value hit @a h is a cue against a value in a dismissive clause
 * that dismisses no value before it: "batch testing is a box-ticking
 * exercise", "the green stuff is marketing fluff to me" stand against
 * compliance and sustainability (no double negation turns them into the
 * value held), where "Sustainability? a box-ticking exercise" waves
 * sustainability away and says nothing of compliance.
 *
 * @param m model
 * @param s scratch
 * @param h the hit (its index in s->hits is @a i)
 * @param i index of @a h
 */
static bool
dismissive_cue (const struct score_model *m, const struct score_scratch *s,
                const struct score_hit *h, size_t i)
{
  if (m->cues[h->cue].weight >= 0)
    return false;
  for (size_t j = i; j > 0; j--)
  {
    const struct score_hit *p = &s->hits[j - 1];

    if (p->first + 8 < h->first
        || (s->tokens[p->last].sentence != s->tokens[h->first].sentence
            && ! posed (s, p->last)))
      break; /* too far, or a value stated in a sentence of its own */
    if (SCORE_TARGET_VALUE == (enum score_target_kind) p->kind
        && m->cues[p->cue].weight > 0
        && ! (p->reasons & SCORE_READ_FILLER)) /* "Honestly" waves nothing */
      return m->cues[p->cue].target.index
             == m->cues[h->cue].target.index; /* the value it waves away:
                                                 "compliance paperwork =
                                                 waste of time" says the
                                                 same twice */
  }
  return true;
}

/**
 * A negated item carries its negation over "and", "or", "nor" to the
 * next item of the same list: "declined the golf day and the year-end
 * dinner", "no complaints or escalations". The next item is one of the
 * same target with a weight of the same sign, at most a few words on,
 * with no new subject or report between ("declined the golf day and we
 * had dinner" is not a list) and no negator of its own ("for months and
 * never said": that negator is the second item's).
 *
 * @param m model
 * @param s scratch
 * @param h0 first hit of the clause
 * @param h1 one past its last hit
 */
static void
coordinate_negation (const struct score_model *m, struct score_scratch *s,
                     size_t h0, size_t h1)
{
  for (size_t i = h0; i + 1 < h1; i++)
  {
    const struct score_hit *p = &s->hits[i];
    const struct score_cue *pc = &m->cues[p->cue];

    if (! p->negated || p->resolved || p->superseded)
      continue;
    for (size_t j = i + 1; j < h1; j++)
    {
      struct score_hit *h = &s->hits[j];
      const struct score_cue *hc = &m->cues[h->cue];
      bool joined = false;
      bool broken = false;

      if (h->first <= p->last)
        continue; /* overlapping: the same words */
      if (h->first - p->last > 7)
        break;
      if (h->negated || hc->target.kind != pc->target.kind
          || hc->target.index != pc->target.index
          || (hc->weight > 0) != (pc->weight > 0))
        continue;
      for (size_t q = p->last + 1; q <= h->last; q++)
      {
        joined = joined || (q < h->first && (s->tok_marks[q] & M_AND));
        broken =
          broken || (s->tokens[q].flags & TOK_NEG)
          || (q < h->first
              && (s->tok_marks[q] & (M_PRON | M_REPORT | M_WANT | M_AUX)));
      }
      if (joined && ! broken)
      {
        h->negated = true;
        h->reasons |= SCORE_READ_NEGATED;
      }
      break;
    }
  }
}

/** The marks attribute()'s per-token checks look for on the token itself
    (a token with none of them, and no negator, is passed over): keep it
    in step with those checks and value_marks(). */
#define TOKEN_MARKS \
  (M_REPORT | M_USED | M_AND | M_QUIT | M_DISMISS | M_WHATEVER | M_MEANS \
   | M_WAIT | M_SPIN | M_AGAINST | M_ELSE | M_SLOW | M_SKIP | M_THAN | M_OVER \
   | M_FIRM | M_STOPPED | M_WERE | M_HYPO | M_IF | M_REMOVE | M_NICE | M_PLAN \
   | M_NEXT | M_HOPE | M_GUESS | M_TO)

/** Whether negator token @a q is a refusal ("declined", "refuses"): the
    tokenizer reads them as negators. */
static bool
refusing_negator (const struct score_scratch *s, size_t q)
{
  return token_begins (s, q, "declin") || token_begins (s, q, "refus");
}

/** Whether a value hit starts among the hits from @a hi up to token
    @a b (a clause's): only values are waved away by a rank. */
static bool
value_in (const struct score_scratch *s, size_t hi, size_t b)
{
  for (; hi < s->n_hits && s->hits[hi].first < b; hi++)
    if (SCORE_TARGET_VALUE == (enum score_target_kind) s->hits[hi].kind)
      return true;
  return false;
}

/** Whether token @a q opens a quotation or what follows a colon: the
    text before it, past spaces, is a colon or a quote mark. */
static bool
opens_quote (const struct score_scratch *s, size_t q)
{
  size_t p = s->tokens[q].start;
  unsigned char c;

  while (p > 0 && ' ' == s->text[p - 1])
    p--;
  if (0 == p)
    return false;
  c = (unsigned char) s->text[p - 1];
  return ':' == c || '\'' == c || '"' == c
         || (p >= 3 && 0xE2 == (unsigned char) s->text[p - 3]
             && 0x80 == (unsigned char) s->text[p - 2]
             && (0x98 == c || 0x9C == c)); /* ‘ “ */
}

/**
 * Whether a quotation opened at byte @a i is the writer's side's. Who
 * says it is the nearest first person, pronoun or name before it in its
 * sentence, outside brackets:
 * - "I" or "we" ("I told her '...'"): ours;
 * - a name none of the call's contacts has ("Jess's notes: 'I always
 *   took ...'", the colleague who handed the account over): ours;
 * - "she said", "The Chair overruled it: '...'", "Alejandro (Plant
 *   Manager, Aceros): '...'", a name set before a colon as a speaker's
 *   label ("Fede: 'Romi, no need ...'"), or nobody (the quotation opens
 *   its sentence): the buyer's.
 */
static bool
quoted_by_us (const struct score_scratch *s, size_t i)
{
  size_t q = s->n_tokens;
  bool bracket = false;

  while (q > 0 && s->tokens[q - 1].end > i)
    q--;
  if (0 == q
      || (q < s->n_tokens
          && s->tokens[q].sentence != s->tokens[q - 1].sentence))
    return false; /* a quotation that opens its sentence: the buyer's
                     words, set down */
  for (size_t r = q, n = 0;
       r > 0 && n < 16
       && s->tokens[r - 1].sentence == s->tokens[q - 1].sentence;
       r--, n++)
  {
    size_t k = r - 1;
    size_t e = r == q ? i : s->tokens[r].start; /* the gap after k */

    if (memchr (s->text + s->tokens[k].end, ')', e - s->tokens[k].end))
      bracket = true;
    if (bracket)
    {
      bracket = ! (k > 0
                   && memchr (s->text + s->tokens[k - 1].end, '(',
                              s->tokens[k].start - s->tokens[k - 1].end));
      continue;
    }
    if ((s->tok_marks[k] & M_I) || score_token_is (s, k, "we"))
      return true;
    if (s->tok_marks[k] & M_PRON)
      return false;
    if (name_like (s, k) && ! (k > 0 && (s->tok_marks[k - 1] & M_DET)))
      return ':' != byte_after (s, k)
             && ! among (s->call_names, s->n_call_names, s->tokens[k].hash);
  }
  return false;
}

/**
 * Whether token @a t stands inside a quotation in the writer's own text
 * that someone else says ("She said 'our new CFO keeps asking ...'",
 * "Jess: 'I need it in writing'"): its "I", "we" and "our" are that
 * speaker's, not the writer's. The nearest quote mark before the token,
 * up to 600 bytes back, decides: an opening one (after a space, colon
 * or bracket, before a word) puts the token inside, a closing one
 * outside; an apostrophe inside a word is neither.
 *
 * @param s scratch
 * @param t token
 * @return true if so
 */
static bool
in_others_quote (const struct score_scratch *s, size_t t)
{
  size_t p = s->tokens[t].start;

  for (size_t i = p; i > 0 && p - i < 600; i--)
  {
    size_t at = i - 1;
    unsigned char c = (unsigned char) s->text[at];
    size_t w = 1; /* bytes of the mark */
    bool open;
    bool close;
    unsigned char before;
    unsigned char after;

    if (at >= 2 && 0xE2 == (unsigned char) s->text[at - 2]
        && 0x80 == (unsigned char) s->text[at - 1]
        && (0x98 == c || 0x99 == c || 0x9C == c || 0x9D == c))
    {
      at -= 2;
      w = 3;
      c = 0x98 == c || 0x9C == c ? '(' : ')'; /* ‘ “ open, ’ ” close */
    }
    else if ('\'' != c && '"' != c)
      continue;
    before = at > 0 ? (unsigned char) s->text[at - 1] : ' ';
    after = at + w < s->text_len ? (unsigned char) s->text[at + w] : ' ';
    open = (' ' == before || ':' == before || '(' == before || '\n' == before
            || 0 == at)
           && ' ' != after && '\n' != after;
    close = ' ' != before && '\n' != before
            && (' ' == after || '\n' == after || '.' == after || ',' == after
                || ';' == after || '!' == after || '?' == after || ')' == after
                || at + w >= s->text_len);
    if ('(' == c)
      return ! quoted_by_us (s, at); /* a curly opening mark */
    if (')' == c && ! open)
    {
      if (close)
        return false;
      i = at + 1;
      continue; /* an apostrophe inside a word: "it’s" */
    }
    if (open && ! close)
      return ! quoted_by_us (s, at);
    if (close)
      return false;
    i = at + 1;
  }
  return false;
}

/** Whether value hit @a h names the loss of its value ("waiting", "lose
    time"): skipping or hating it holds the value. */
static bool
loss_named (const struct score_scratch *s, const struct score_hit *h)
{
  for (size_t q = h->first; q <= h->last; q++)
    if (s->tok_marks[q] & M_LOSS)
      return true;
  return false;
}

/** Whether value hit @a h names a failing of its value ("downtime",
    "delays", "mistakes"): what a party hates of it, it holds the value
    against ("downtime is what kills us" holds reliability). */
static bool
pain_named (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const pains[] = { "downtime", "outage",    "outages",
                                       "delay",    "delays",    "delayed",
                                       "mistake",  "mistakes",  "error",
                                       "errors",   "breakdown", "breakdowns",
                                       "failure",  "failures",  NULL };

  for (size_t q = h->first; q <= h->last; q++)
    if (score_token_in (s, q, pains))
      return true;
  return false;
}

/** Whether value hit @a h is followed in its clause (ending at @a b) by
    "we don't want" or "we don't need" closing it: "new technology is a
    cost we don't want" (not "we don't want to compromise on it"). */
static bool
unwanted_after (const struct score_scratch *s, const struct score_hit *h,
                size_t b)
{
  for (size_t q = (size_t) h->last + 1; q + 1 < b && q <= h->last + 6; q++)
    if (SCORE_TOKEN_NEG == s->tokens[q].hash
        && (score_token_is (s, q + 1, "want")
            || score_token_is (s, q + 1, "need"))
        && (q + 2 >= b || (s->tokens[q + 2].flags & TOK_CLAUSE)))
      return true;
  return false;
}

/** Whether clause [@a a, @a b) waves its topic off: a negator with a word
    of mattering up to two words after it ("hardly matters", "doesn't
    matter", "not a priority"). A "need" with its object after it is no
    wave but a refusal whose list goes on: "we don't need validation,
    documentation or training". */
static bool
waves_off (const struct score_scratch *s, size_t a, size_t b)
{
  for (size_t q = a; q < b; q++)
    if (SCORE_TOKEN_NEG == s->tokens[q].hash)
      for (size_t r = q + 1; r < b && r <= q + 2; r++)
        if ((s->tok_marks[r] & M_MATTER)
            && ! (score_token_is (s, r, "need") && r + 1 < b
                  && ! score_token_is (s, r + 1, "to")))
          return true;
  return false;
}

/** Whether a negator right before word @a q of the clause opening at @a a
    turns it down: "we don't pretend to be the cheapest" supposes
    nothing. */
static bool
negated_word (const struct score_scratch *s, size_t a, size_t q)
{
  return q > a && SCORE_TOKEN_NEG == s->tokens[q - 1].hash;
}

/** Whether a negator in the clause [a, b) waits on a condition after it
    ("will not move it forward until the archivist has signed off"): a
    demand, not a refusal whose list goes on in the next clauses. */
static bool
conditioned (const struct score_scratch *s, size_t a, size_t b)
{
  static const char *const conditions[] = { "until", "unless", "before",
                                            NULL };

  for (size_t q = a; q < b; q++)
    if (SCORE_TOKEN_NEG == s->tokens[q].hash)
      for (size_t r = q + 1; r < b; r++)
        if (score_token_in (s, r, conditions))
          return true;
  return false;
}

/** Whether a semicolon stands between token @a a and the one before it:
    "a cost we don't want; cheapest labour, old methods" opens a new
    list, not more of the negated one. */
static bool
semicolon_before (const struct score_scratch *s, size_t a)
{
  if (0 == a)
    return false;
  for (size_t i = s->tokens[a - 1].end; i < s->tokens[a].start; i++)
    if (';' == s->text[i])
      return true;
  return false;
}

/** Whether the sentence that token @a a opens holds a wink (";)",
    ";-)"): "Our big risk-taker, as always ;)" says the opposite. */
static bool
winks (const struct score_scratch *s, size_t a)
{
  size_t z = a;
  size_t e;

  while (z + 1 < s->n_tokens
         && s->tokens[z + 1].sentence == s->tokens[a].sentence)
    z++;
  e = (z + 1 < s->n_tokens) ? s->tokens[z + 1].start : s->text_len;
  for (size_t i = s->tokens[a].start; i + 1 < e; i++)
    if (';' == s->text[i]
        && (')' == s->text[i + 1]
            || ('-' == s->text[i + 1] && i + 2 < e && ')' == s->text[i + 2])))
      return true;
  return false;
}

/** Whether a comma stands just before token @a q: ", to be honest." */
static bool
comma_before (const struct score_scratch *s, size_t q)
{
  size_t e = s->tokens[q].start;

  while (e > 0 && ' ' == s->text[e - 1])
    e--;
  return e > 0 && ',' == s->text[e - 1];
}

/** "To be honest", "to be fair", "to be frank" set off by a comma or a
    semicolon, and "if I'm honest": said in passing. */
static const char *const to_be_fillers[] = { "honest", "fair", "frank", NULL };
/** Words after "to be honest" that make it what is asked, not a filler. */
static const char *const to_be_objects[] = { "with", "about", "and",
                                             "is",   "was",   NULL };

/**
 * Mark each hit's speaker and reasons. Clause by clause: the subject at
 * the clause start (or after a reporting verb) scopes the clause and the
 * following clauses of its sentence until a new subject; "used to",
 * "anymore", "no longer", "formerly" make a clause past; "if ... were /
 * the sort of", "as if", "imagine", "hypothetically" make it a
 * supposition; "yeah right", "oh sure" make the sentence ironic, and a
 * one-word cue in quotes is a scare quote.
 *
 * @param m model
 * @param s scratch with tokens and hits
 */
static uint64_t
attribute (const struct score_model *m, struct score_scratch *s)
{
  size_t hi = 0;
  size_t seg = 0;
  uint16_t carried = 0;      /* subject scope carried into the next clause */
  uint16_t irony = 0;        /* the sentence is ironic */
  uint16_t supposed = 0;     /* the sentence went hypothetical */
  bool guessed_if = false;   /* ... only by "if she's ...", a guess about
                                her: for values a condition they set */
  bool former = false;       /* the last sentence spoke of a predecessor */
  bool he_former = false;    /* and this one opens with "he" or "she" */
  bool neg_list = false;     /* a negated clause may go on as a list */
  bool fwd_list = false;     /* ... under a "no" only: with an "or" */
  uint16_t neg_sentence = 0; /* ... in its own sentence */
  uint16_t sentence = UINT16_MAX;
  size_t former_at = SIZE_MAX; /* where the sentence names a predecessor */
  size_t list_from = SIZE_MAX; /* a negated list's bytes */
  size_t list_to = 0;
  size_t list_seen = 0;  /* list_negation's scans reached no further */
  uint64_t any_mark = 0; /* every mark of the text */
  bool paren = NULL != memchr (s->text, '(', s->text_len); /* asides */
  bool wink = NULL != memchr (s->text, ';', s->text_len);  /* ";)" */
  bool quotes = NULL != memchr (s->text, '\'', s->text_len)
                || NULL != memchr (s->text, '"', s->text_len)
                || NULL != memchr (s->text, 0xE2, s->text_len);

  for (size_t t = 0; t < s->n_tokens; t++)
  {
    uint64_t b = mark_of (s, s->tokens[t].hash); /* once a token */

    s->tok_marks[t] = ((b & M_ING) && ! ing (s, t)) ? 0 : b;
    if ((b & M_ROLE) && ly (s, t))
      s->tok_marks[t] &= ~M_ROLE; /* "legally sound waivers": an adverb
                                     shares its stem with "legal", not
                                     its department */
    if ((b & M_DISMISS)
        && (score_token_is (s, t, "formal")
            || (score_token_is (s, t, "formality")
                && ! (t > 0 && score_token_is (s, t - 1, "a")))))
      s->tok_marks[t] &= ~M_DISMISS; /* "a formality" waves a value away,
                                        "the formal process" is one, and
                                        so is "we expect formality" */
    any_mark |= s->tok_marks[t];
    if (SCORE_TOKEN_NEG == s->tokens[t].hash && refusing_negator (s, t))
      any_mark |= M_DECLINE; /* "declined", "refused": declined() looks */
  }
  former_names (s);

  for (size_t a = 0; a < s->n_tokens;)
  {
    size_t b = a + 1;
    uint16_t clause = 0;
    uint16_t scope;
    size_t from = a;           /* first token the scope covers */
    size_t then_at = SIZE_MAX; /* "... and I ...": a second subject */
    uint16_t then_scope = 0;
    size_t used_at = SIZE_MAX;    /* past from here */
    size_t hypo_at = SIZE_MAX;    /* supposition from here */
    size_t guess_from = SIZE_MAX; /* hypo_at when a guess set it */
    size_t intent_at = SIZE_MAX;  /* "I should ...": not done yet */
    size_t remove_at = SIZE_MAX;  /* what follows is removed */
    size_t h0;
    bool ours_us;
    bool dismiss = false; /* "X is not relevant to us", "X is secondary" */
    bool vals;            /* the clause holds a value hit */
    bool rejected;        /* "... instead of X" */
    size_t waved_at = SIZE_MAX;   /* "doesn't care about" from here */
    size_t against_at = SIZE_MAX; /* values before it are opposed */
    size_t skip_at = SIZE_MAX;    /* values after it are opposed */
    size_t over_at = SIZE_MAX;    /* values after it are put second */
    size_t under_at = SIZE_MAX;   /* values before it are put second */
    bool firm = false;            /* "not negotiable": insisted on */
    bool has_neg = false;
    bool any_neg = SCORE_TOKEN_NEG == s->tokens[a].hash; /* in the clause */

    for (; b < s->n_tokens && ! (s->tokens[b].flags & TOK_CLAUSE); b++)
      any_neg |= SCORE_TOKEN_NEG == s->tokens[b].hash;
    for (size_t q = a; any_neg && q < b && ! has_neg; q++)
      has_neg = SCORE_TOKEN_NEG == s->tokens[q].hash && ! contrast (s, a, q);
    while (seg + 1 < s->n_segs && s->segs[seg].end <= s->tokens[a].start)
      seg++;
    ours_us = 0 == s->n_segs
              || (SCORE_SAY_NARRATIVE == s->segs[seg].speaker
                  && SCORE_SEG_RELAYED != s->segs[seg].contact)
              || SCORE_SAY_RECORD == s->segs[seg].speaker
              || SCORE_SAY_SELLER == s->segs[seg].speaker;
    if (ours_us && quotes && in_others_quote (s, a))
      ours_us = false; /* "She said 'our new CFO keeps asking ...'" */
    if (s->tokens[a].sentence != sentence)
    {
      sentence = s->tokens[a].sentence;
      /* "the old buyer retired. he was very cautious": "he" is still the
         predecessor */
      he_former = former && (s->tok_marks[a] & M_3RD);
      carried = he_former ? SCORE_READ_FORMER : 0;
      former = false;
      irony = (wink && winks (s, a)) ? SCORE_READ_SARCASM : 0;
      supposed = 0;
      guessed_if = false;
      /* "she was mocking ...", "said sarcastically": the whole sentence;
         "notes on their previous buyer (...) say he was very cautious":
         "he" after a predecessor named in the sentence is the
         predecessor */
      former_at = SIZE_MAX;
      if (any_mark & (M_MOCK | M_FORMER)) /* else nothing to look for */
        for (size_t q = a;
             q < s->n_tokens && s->tokens[q].sentence == sentence; q++)
        {
          if ((s->tok_marks[q] & M_MOCK) && ! token_begins (s, q, "mocks"))
            irony = SCORE_READ_SARCASM; /* not "her son's GCSE mocks" */
          if (score_token_is (s, q, "joked")
              || score_token_is (s, q, "jokingly"))
            irony = SCORE_READ_SARCASM; /* "Sabine joked that switching
                                           would be 'a good way to retire
                                           early'"; not "I like jokes" */
          if (SIZE_MAX == former_at && (s->tok_marks[q] & M_FORMER)
              && ((q + 1 < s->n_tokens && (s->tok_marks[q + 1] & M_ROLE))
                  || (q + 2 < s->n_tokens && (s->tok_marks[q + 2] & M_ROLE))))
            former_at = q;
        }
    }
    if (any_mark & M_IRONY1)
      for (size_t q = a; q + 1 < b; q++)
        if ((s->tok_marks[q] & M_IRONY1) && (s->tok_marks[q + 1] & M_IRONY2)
            && (q == a || opens_quote (s, q)))
          irony = SCORE_READ_SARCASM; /* "oh sure, ..." opening the
                                         sentence, or what he said: "he
                                         laughed: 'oh sure, let's give
                                         the committee a vote'" */
    scope = subject (s, a, b, ours_us);
    if (0 == scope && a > former_at && (s->tok_marks[a] & M_3RD))
      scope = SCORE_READ_FORMER;
    if (0 == scope)
      scope = (new_subject (s, a) && ! he_former) ? 0 : carried;
    he_former = false;
    rejected = rejected_clause (s, a);
    /* "didn't ask for guarantees, references or any paperwork": the
       items listed after a negated clause (short, with no subject of
       their own: "we buy on uptime", "without me, and I'm open about
       costs" are not one, nor what a quote opens: "doesn't need the lab
       reports, 'give me the result'") are negated too */
    if (neg_list && s->tokens[a].sentence == neg_sentence
        && ! (s->tok_marks[a] & M_PRON) && ! semicolon_before (s, a)
        && ! opens_quote (s, a)
        && ! ((s->tok_marks[a] & M_CONJ) && a + 1 < b
              && (s->tok_marks[a + 1] & M_PRON))
        && ((b - a) <= 4 || ((s->tok_marks[a] & M_CONJ) && (b - a) <= 6)
            || ((b - a) <= 6 && (s->tok_marks[b - 3] & M_CONJ))
            || ((b - a) <= 6 && fwd_list && any_within (s, a, b, ors)))
        && ! (fwd_list && ! any_within (s, a, b, ors)))
      rejected = true; /* a "no" governs its noun: "no surprises, full
                          documentation" wants the documentation, where
                          "no delays, rework or surprises" lists */
    else
      neg_list = false;
    if (has_neg && b - a >= 3 && ! waves_off (s, a, b)
        && ! conditioned (s, a, b))
    {
      /* a negated statement, not a "No," answer, nor one that waves a
         topic off ("quality hardly matters for this, good enough is
         fine": what follows is no item of a refused list) */
      neg_list = true;
      neg_sentence = s->tokens[a].sentence;
      fwd_list = true;
      for (size_t q = a; q < b && fwd_list; q++)
        fwd_list = SCORE_TOKEN_NEG != s->tokens[q].hash
                   || (s->tokens[q].flags & TOK_NEG_FWD);
    }
    if (hi >= s->n_hits || s->hits[hi].first >= b)
    {
      /* no cue here: only what reaches later clauses matters (the
         subject carried on, a negated list opening, "hypothetically,") */
      bool waved = false;

      for (size_t q = a; q < b; q++)
        if (SCORE_TOKEN_NEG == s->tokens[q].hash)
        {
          if (! contrast (s, a, q))
            list_negation (s, q, &list_from, &list_to, &list_seen);
          waved = waved || (q + 1 < b && score_token_is (s, q + 1, "why"))
                  || (q == a && q + 1 < b
                      && score_token_is (s, q + 1, "if")); /* "Not why we
                                      buy"; "Speed is nice, but not if it
                                      risks the cold chain" */
          for (size_t r = q + 1; r < b && r <= q + 4 && ! waved; r++)
            waved = (s->tok_marks[r] & M_MATTER)
                    && ! thinking_without (s, q, r);
        }
        else if ((q > a && someones_problem (s, q))
                 || (s->tok_marks[q] & M_DISMISS)
                 || ((s->tok_marks[q] & M_MATTER) && ranked_low (s, q, a))
                 || ((s->tok_marks[q] & M_WHATEVER) && q + 1 == b)
                 || means_nothing (s, q, b))
          waved = true;
        else if (((s->tok_marks[q] & M_HYPO) && ! negated_word (s, a, q))
                 || guess_at (s, q, a, ours_us))
          supposed = SCORE_READ_HYPOTHETICAL; /* "Might also ...": a
                                                 guess, to the end */
      if (waved)
        dismiss_topic (m, s, a, hi);
      if (! (paren && aside (s, a)))
        carried = scope;
      /* "Dev used to ... - Wilma is not Dev.": the sentence's last
         subject decides whom a "she" after it is */
      former = SCORE_READ_FORMER == scope || (former && ! new_subject (s, a));
      a = b;
      continue;
    }
    vals = value_in (s, hi, b); /* against_at is for values only */
    for (size_t q = a; q < b; q++)
    {
      uint64_t bits = s->tok_marks[q];
      char c0; /* the token's first letter, lower case: a cheap first test */
      char c1; /* and its second */

      if ((bits & M_AUX) && ours_us && q > a && intent_at > q
          && (s->tok_marks[q - 1] & (M_I | M_OURS))
          && (score_token_is (s, q, "should") || score_token_is (s, q, "will")
              || score_token_is (s, q, "shall")
              || score_token_is (s, q, "must")))
        intent_at = q; /* "I should really walk you through our kit
                          sometime": the writer's intention */
      c0 = (char) (s->text[s->tokens[q].start] | 0x20);
      c1 = s->tokens[q].end - s->tokens[q].start > 1
             ? (char) (s->text[s->tokens[q].start + 1] | 0x20)
             : '\0';
      if ('t' == c0 && 'r' == c1 && intent_at > q && q + 1 < b
          && (score_token_is (s, q, "tried") || score_token_is (s, q, "try")
              || score_token_is (s, q, "trying"))
          && ((s->tok_marks[q + 1] & M_TO) || ing (s, q + 1)
              || score_token_is (s, q + 1, "small")
              || score_token_is (s, q + 1, "personal")
              || score_token_is (s, q + 1, "chat")))
        intent_at = q; /* "Tried to open with a chat about the rally",
                          "tried small talk about her marathon",
                          "tried chatting about skiing": an attempt, not
                          what was done with the customer */
      if (q > a && someones_problem (s, q))
        dismiss = true; /* "documentation is the auditor's problem" */
      if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < b
          && (score_token_is (s, q + 1, "why")
              || (q == a && score_token_is (s, q + 1, "if"))))
        dismiss = true; /* "innovation is nice but not why we buy",
                           "speed is nice, but not if it risks the cold
                           chain" */
      if ('t' == c0 && 'h' == c1 && q > a && q + 1 < b
          && score_token_is (s, q, "third")
          && (score_token_is (s, q + 1, "on")
              || score_token_is (s, q + 1, "in")))
        dismiss = true; /* "price is third on our list" */
      if (SCORE_TOKEN_NEG == s->tokens[q].hash && q > a && q + 2 < b
          && against_at > q
          && (score_token_is (s, q + 1, "my")
              || score_token_is (s, q + 1, "our"))
          && (score_token_is (s, q + 2, "style")
              || score_token_is (s, q + 2, "thing")
              || score_token_is (s, q + 2, "cup")
              || score_token_is (s, q + 2, "business")
              || score_token_is (s, q + 2, "game")
              || score_token_is (s, q + 2, "model")))
        against_at = q; /* "fast-moving owners who want everything
                           yesterday are not my style", "cheap service
                           is not our business" */
      if ('f' == c0 && vals && q > a && q + 1 < b && against_at > q
          && score_token_is (s, q, "flexible")
          && (score_token_is (s, q + 1, "about")
              || score_token_is (s, q + 1, "on")))
        against_at = q; /* "the environmental conditions are something
                           we'd like a contractor to be flexible about" */
      if ('f' == c0 && vals && q > a && q + 3 < b && against_at > q
          && score_token_is (s, q, "first")
          && (score_token_is (s, q + 1, "thing")
              || score_token_is (s, q + 1, "things"))
          && (s->tok_marks[q + 2] & M_PRON)
          && (token_begins (s, q + 3, "reduc")
              || token_begins (s, q + 3, "cut")
              || token_begins (s, q + 3, "drop")
              || token_begins (s, q + 3, "trim")
              || token_begins (s, q + 3, "axe")))
        against_at = q; /* "service contracts are the first thing we
                           reduce" */
      if ('k' == c0 && vals && q > a && q + 1 < b && against_at > q
          && (score_token_is (s, q, "kill") || score_token_is (s, q, "kills"))
          && (score_token_is (s, q + 1, "me")
              || score_token_is (s, q + 1, "us")))
        against_at = q; /* "paperwork and committees kill me" */
      if ('l' == c0 && vals && q > a && q + 2 == b && against_at > q
          && (score_token_is (s, q, "loses") || score_token_is (s, q, "lose"))
          && (score_token_is (s, q + 1, "us")
              || score_token_is (s, q + 1, "me"))
          && ! conceding (s, a, q))
        against_at = q; /* "a supplier who pushes for a quick signature loses
                           us", not "the truth even when it loses me a
                           sale" */
      if ('l' == c0 && q > a + 1 && q + 1 < b && against_at > q
          && feels_like_a_chore (s, q, b))
        against_at = q - 1; /* "growth projects feel like chaos to me",
                               "all the sustainability talk feels like
                               marketing to me" */
      if ('f' == c0 && vals && q > a && against_at > q
          && score_token_is (s, q - 1, "least")
          && (score_token_is (s, q, "favourite")
              || score_token_is (s, q, "favorite")))
        against_at = q; /* "paperwork is my least favourite part" */
      if (! (bits & TOKEN_MARKS) && SCORE_TOKEN_NEG != s->tokens[q].hash)
        continue; /* no check below applies */
      if ((bits & M_REPORT) && q + 1 < b)
      {
        size_t r = q + 1;
        uint16_t sub;

        if (r < b && (s->tok_marks[r] & M_PRON) && ! (s->tok_marks[r] & M_I))
          r++; /* "told me", "told us" */
        if (r < b && (s->tok_marks[r] & M_THAT))
          r++; /* "joked that I ..." */
        sub = subject (s, r, b,
                       ours_us
                         && ! (SCORE_READ_SELLER_SELF != scope
                               && opens_quote (s, r)
                               && in_others_quote (s, r)));
        if (0 == sub && q + 1 > former_at && (s->tok_marks[q + 1] & M_3RD))
          sub = SCORE_READ_FORMER;
        if (0 == sub && SIZE_MAX != other_name_at (s, r, b) && r + 1 < b
            && (s->tok_marks[r + 1] & (M_AUX | M_WANT | M_REPORT | M_USED)))
          sub = SCORE_READ_THIRD_PARTY; /* "Joe's notes say Ingrid was
                                           ...": someone not on the call */
        if (sub || (SCORE_READ_SELLER_SELF == scope && (bits & M_PERCEIVE)))
        {
          /* "her boss said ...", and "I think she ...": what follows
             is about her; what "I mentioned" stays mine */
          scope = sub;
          from = r;
        }
      }
      if ((bits & M_USED) && q + 1 < b && (s->tok_marks[q + 1] & M_TO)
          && used_at > q
          && ! (q > a
                && ((s->tok_marks[q - 1] & M_AUX) || contracted_be (s, q - 1)
                    || score_token_is (s, q - 1, "get")
                    || score_token_is (s, q - 1, "got")
                    || score_token_is (s, q - 1, "getting"))))
        used_at = q; /* not "are used to him", "we're used to committee
                        decisions", "got used to it": accustomed */
      if ((bits & M_AND) && q > a && q + 1 < b
          && (s->tok_marks[q + 1] & M_PRON) && SIZE_MAX == then_at)
      {
        /* "our colleagues are used to him and I don't want tensions":
           from "I" on, the clause is about its new subject */
        then_at = q + 1;
        then_scope = subject (s, q + 1, b, ours_us);
      }
      if ((bits & M_QUIT) && q + 1 < b && ing (s, q + 1) && used_at > q + 1)
        used_at = q + 1; /* "stopped buying on unit price": not "the line
                            stopped" (no verb follows), and "stopped
                            working" itself still reads as a fault */
      if ((bits & M_QUIT) && q + 1 < b && (s->tok_marks[q + 1] & M_DET)
          && used_at > q + 1)
        used_at = q + 1; /* "they dropped the rival trial in October",
                            "ended their pilot with the other firm": what
                            was ended is a thing of the past */
      if (((bits & M_DISMISS) && ! ly (s, q))
          || ((bits & M_WHATEVER) && q + 1 == b) || means_nothing (s, q, b))
        dismiss = true; /* "regulations are a formality", not "we address
                           the board formally" (one stem) */
      if ((bits & M_WAIT) && q + 1 == b && q > a
          && ((s->tok_marks[q - 1] & M_AUX) || deferred (s, hi, q)))
        dismiss = true; /* "the paperwork can wait", "compliance we do
                           later" */
      if ((bits & M_SPIN) && q > a && (s->tok_marks[q - 1] & M_ONLY))
        dismiss = true; /* "green stuff is mostly marketing" */
      if ((bits & M_NICE) && q + 2 < b && (s->tok_marks[q + 1] & M_TO)
          && (s->tok_marks[q + 2] & M_AUX))
        dismiss = true; /* "a nice-to-have" */
      if ((bits & M_FIRM) && q > a && (s->tok_marks[q - 1] & M_AUX))
        dismiss = true; /* "certificates are optional for us", "price is
                           negotiable"; "not optional" insists (firm) */
      if ((bits & M_REMOVE) && remove_at > q)
        remove_at = q; /* "rip out the legacy tools" */
      if (((bits & M_PLAN) && q + 1 < b && (s->tok_marks[q + 1] & M_TO)
           && ours_us && (q == a || (s->tok_marks[q - 1] & (M_I | M_OURS))))
          || ((bits & M_NEXT) && q + 1 < b && (s->tok_marks[q + 1] & M_TIME)))
      {
        /* "planned to walk her through the benchmark, but ...", "next
           time ask about their plans": not done, to the sentence end */
        if (hypo_at > q)
          hypo_at = q;
        supposed = SCORE_READ_HYPOTHETICAL;
      }
      if ((bits & M_IF) && (q == a || ! (s->tok_marks[q - 1] & M_IFQ))
          && hypo_at > q && counterfactual (s, q, b))
        hypo_at = q; /* "if the price went up they'd look around" */
      value_marks (s, a, b, q, &against_at, &skip_at, &over_at, &under_at,
                   &firm);
      if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < b
          && (s->tok_marks[q + 1] & M_TO) && waved_at > q)
        waved_at = q; /* "prefer not to replace the whole line in one go":
                         the whole infinitive is negated */
      if (SCORE_TOKEN_NEG == s->tokens[q].hash)
      {
        bool sub = subordinate (s, a, q);

        for (size_t r = q + 1; r < b && r <= q + 4 && ! dismiss && ! sub; r++)
          if ((s->tok_marks[r] & M_MATTER) && ! thinking_without (s, q, r))
          {
            dismiss = true; /* "price plays no role" */
            if (! rank_word (s, r))
              waved_at = r; /* "doesn't care about X": X is not wanted */
          }
        if (! contrast (s, a, q))
          list_negation (s, q, &list_from, &list_to, &list_seen);
      }
      if (bits & M_STOPPED)
        clause |= SCORE_READ_PAST;
      if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < b
          && (s->tok_marks[q + 1] & M_LONGER)
          && ! any_within (s, a, q, untils))
        clause |= SCORE_READ_PAST; /* not "train their teams until they no
                                      longer need us": the goal */
      if ((bits & M_WERE) && q + 2 < b && (s->tok_marks[q + 1] & M_WISH)
          && (s->tok_marks[q + 2] & M_TO) && hypo_at > q)
      {
        hypo_at = q; /* "would love to", "would hope to": a wish */
        supposed = SCORE_READ_HYPOTHETICAL;
      }
      if (hypo_at > q && guess_at (s, q, a, ours_us))
      {
        hypo_at = q; /* "she'll probably want guarantees", "Might just
                        want to be friends": the writer's guess */
        guess_from = q;
        supposed = SCORE_READ_HYPOTHETICAL;
      }
      if ((bits & M_HOPE) && q > a && q + 1 < b
          && (s->tok_marks[q + 1] & M_PRON) && hypo_at > q
          && (s->tok_marks[q - 1] & (M_I | M_OURS)))
      {
        hypo_at = q; /* "we'd hoped she'd introduce us", "I hope they
                        sign": the writer's hope, not done ("he hopes we
                        all get along" is his wish, and says who he is) */
        supposed = SCORE_READ_HYPOTHETICAL;
      }
      if ((bits & M_HYPO) && hypo_at > q && ! negated_word (s, a, q))
      {
        hypo_at = q;
        supposed = SCORE_READ_HYPOTHETICAL; /* and the rest of the
                                                 sentence */
      }
      if ((bits & M_IF) && q > a && ours_us && (s->tok_marks[q - 1] & M_WANT)
          && q + 1 < b && (s->tok_marks[q + 1] & M_3RD)
          && ! (s->tok_marks[a] & M_3RD))
      {
        /* "asked if she'd want a pilot": a question put to her, not her
           wish */
        scope = SCORE_READ_SELLER_SELF;
        from = q;
      }
      if ((bits & M_IF) && (q == a || ! (s->tok_marks[q - 1] & M_IFQ))
          && q + 2 < b && (s->tok_marks[q + 1] & M_3RD)
          && (s->tok_marks[q + 2] & (M_AUX | M_SEEM | M_MORE | M_DET))
          && hypo_at > q)
      {
        /* "if she's more of a 'show me results' person, lead with ...",
           "if he turns out to be ...": a guess about her, to the end of
           the sentence */
        hypo_at = q;
        guessed_if = 0 == supposed;
        supposed = SCORE_READ_HYPOTHETICAL;
      }
      if ((bits & M_IF) && (q == a || ! (s->tok_marks[q - 1] & M_IFQ)))
      {
        bool as = q > a && (s->tok_marks[q - 1] & M_AS);
        bool were = false;

        for (size_t r = q + 1; r < b && ! were; r++)
          were = 0 != (s->tok_marks[r] & M_WERE)
                 && ! score_token_is (s, r, "ever");
        if (as && hypo_at > q - 1)
          hypo_at = q - 1; /* "as if", "even if": what follows; "happy
                              to trial it even if Q1 is bumpy" still
                              takes the trial */
        else if (were)
          hypo_at = a;
      }
    }
    if (! dismiss && (any_mark & M_MATTER) && value_in (s, hi, b))
      for (size_t q = a; q < b && ! dismiss; q++)
        dismiss = (s->tok_marks[q] & M_MATTER) && ranked_low (s, q, a);
    if (! (paren && aside (s, a)))
      carried = scope;
    /* "Dev used to ... - Wilma is not Dev.": the sentence's last
         subject decides whom a "she" after it is */
    former = SCORE_READ_FORMER == scope || (former && ! new_subject (s, a));
    h0 = hi;
    for (; hi < s->n_hits && s->hits[hi].first < b; hi++)
    {
      struct score_hit *h = &s->hits[hi];
      bool bare_if;
      const struct score_token *t0 = &s->tokens[h->first];
      const struct score_token *t1 = &s->tokens[h->last];
      size_t g = seg;

      while (g + 1 < s->n_segs && s->segs[g].end <= t0->start)
        g++;
      if (s->n_segs > 0)
      {
        h->speaker = s->segs[g].speaker;
        h->contact = s->segs[g].contact < 0 ? -1 : s->segs[g].contact;
      }
      h->reasons |= speaker_reason ((enum score_target_kind) h->kind,
                                    h->speaker);
      if (SCORE_TARGET_PILLAR == (enum score_target_kind) h->kind
          && s->n_segs > 0 && SCORE_SAY_SELLER == s->segs[g].speaker
          && SCORE_SEG_RELAYED == s->segs[g].contact)
        h->reasons |= SCORE_READ_OUR_SIDE; /* "Our AE's note: 'trusted
                                              partnership, we are his
                                              go-to advisor!!'": a claim */
      if (h->negated && ! h->resolved && ! h->superseded
          && SCORE_TARGET_VALUE == (enum score_target_kind) h->kind
          && m->cues[h->cue].weight > 0)
        affirmed_value (m, s, h, a); /* not "we don't cut corners": a cue
                                     against a value, negated, already
                                     holds it */
      if (SCORE_TARGET_ORIENTATION == (enum score_target_kind) h->kind
          && m->cues[h->cue].weight > 0
          && ((h->last < against_at && against_at < b) || h->first > skip_at))
        h->against = true; /* "spreadsheets bore me", "I hate paperwork":
                              a way of working stood against, which only
                              the values answers read (values.c) */
      if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind)
      {
        if (firm && ! h->resolved && ! h->superseded)
          h->negated = false; /* "quality is not negotiable" */
        /* a cue that is itself against a value stays so: "I hate
           paperwork and like to wing it" is not for compliance twice
           over */
        if (h->last < against_at && against_at < b
            && m->cues[h->cue].weight > 0 && ! pain_named (s, h))
          h->against = true; /* "rules slow everything down", where
                                "downtime is what kills us" hates the
                                loss of reliability */
        if (m->cues[h->cue].weight > 0 && ! h->negated
            && unwanted_after (s, h, b))
          h->against = true; /* "new technology is a cost we don't want" */
        if (h->first > skip_at && m->cues[h->cue].weight > 0
            && ! loss_named (s, h) && evasion_denied (s, a, skip_at))
        {
          h->negated = false; /* "we don't skip the certificates", "we
                                 never ignore a regulation": the negator
                                 is the evasion's; the value is held */
          h->reasons &= ~SCORE_READ_NEGATED;
        }
        else if (h->first > skip_at && m->cues[h->cue].weight > 0
                 && ! loss_named (s, h))
          h->against = true; /* "skip the certificates"; "I hate waiting"
                                hates the loss of time */
        if (h->first > remove_at && m->cues[h->cue].weight < 0)
        {
          /* "rip out the legacy tools": removing what stands against
             innovation is not being against it */
          h->negated = true;
          h->reasons |= SCORE_READ_NEGATED;
        }
        if ((h->first > over_at && ! subject_after (s, over_at, h->first))
            || (SIZE_MAX != under_at && h->last < under_at))
        {
          /* "stability over novelty", "safety before price": put second,
             not held (what the business or seller puts second it stands
             against). A cue against a value put second is neither: no
             double negation turns "... before anything goes live, and I
             never rush" into a wish for speed */
          h->negated = true;
          h->superseded = m->cues[h->cue].weight < 0;
          h->reasons |= SCORE_READ_NEGATED;
        }
      }
      if (rejected
          || (h->first > waved_at && ! new_predicate (s, waved_at, h->first))
          || (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind
              && ((dismiss && ! dismissive_cue (m, s, h, hi))
                  || (t0->start >= list_from && t0->start < list_to))))
      {
        /* what is not wanted ("instead of X"); a value waved away, an
           item of a "we won't:" list (of values: in a note, "don't lose
           it:" opens a list of what to keep). A cue against a value
           waved away is neither held nor turned around: "quality hardly
           matters, good enough is fine" holds no quality */
        h->negated = true;
        h->superseded = h->superseded
                        || (dismiss && m->cues[h->cue].weight < 0);
        h->reasons |= SCORE_READ_NEGATED;
      }
      h->reasons |= irony | clause;
      if (SCORE_TARGET_ORIENTATION == (enum score_target_kind) h->kind)
        h->reasons |= owner (s, h, a);
      if (SCORE_TARGET_ORIENTATION == (enum score_target_kind) h->kind
          && m->cues[h->cue].weight > 0 && h->first > a
          && ((s->tok_marks[h->first - 1] & M_SKIP)
              || (h->first > a + 1 && (s->tok_marks[h->first - 2] & M_SKIP)
                  && (s->tok_marks[h->first - 1] & M_DET))))
      {
        h->negated = true; /* "Skip the specs, Hugo": what she waves off */
        h->reasons |= SCORE_READ_NEGATED;
      }
      if (SCORE_TARGET_ORIENTATION == (enum score_target_kind) h->kind
          && h->first > 0 && s->tokens[h->first - 1].end + 1 == t0->start
          && '-' == s->text[t0->start - 1]
          && score_token_is (s, h->first - 1, "off"))
      {
        h->negated = true; /* "off-spec reels": not specs asked for */
        h->reasons |= SCORE_READ_NEGATED;
      }
      if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind
          && m->cues[h->cue].weight > 0 && h->last + 1 < b
          && score_token_is (s, h->last + 1, "enough"))
      {
        h->negated = true; /* "we sell bicycles, that's green enough":
                              already had, not sought */
        h->reasons |= SCORE_READ_NEGATED;
      }
      if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind
          && h->first > 0 && t0->start > 0 && '-' == s->text[t0->start - 1]
          && score_token_is (s, h->first - 1, "non"))
      {
        h->negated = h->superseded = true; /* "non-profits", "non-standard":
                                              not the value named */
        h->reasons |= SCORE_READ_NEGATED;
      }
      if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind
          && SCORE_VALUE_GROWTH == m->cues[h->cue].target.index
          && h->first == h->last && h->last + 1 < b
          && score_token_is (s, h->last + 1, "up"))
      {
        h->negated = h->superseded = true; /* "I grew up in community
                                              footy": a life, not a
                                              business, growing */
        h->reasons |= SCORE_READ_NEGATED;
      }
      bare_if = guessed_if
                && SCORE_TARGET_VALUE == (enum score_target_kind) h->kind;
      if (supposed && h->first >= a && (hypo_at == SIZE_MAX || hypo_at < a)
          && ! bare_if)
        h->reasons |= supposed;
      if (h->first >= then_at)
        h->reasons |= then_scope;
      else if (h->first >= from)
        h->reasons |= scope;
      if (h->first >= used_at)
        h->reasons |= SCORE_READ_PAST;
      if (SCORE_TARGET_PILLAR == (enum score_target_kind) h->kind
          && SCORE_PILLAR_TRUST == m->cues[h->cue].target.index
          && said_of_it (s, h))
      {
        /* "that's confidential" said of what was asked: no confidence,
           and the plans asked about in its sentence were not shared
           ("asked about the herd expansion - 'that's confidential'") */
        h->reasons |= SCORE_READ_DECLINED;
        for (size_t j = hi;
             j > 0 && s->tokens[s->hits[j - 1].first].sentence == t0->sentence;
             j--)
          if (SCORE_TARGET_PILLAR == s->hits[j - 1].kind
              && SCORE_PILLAR_KNOWLEDGE
                   == m->cues[s->hits[j - 1].cue].target.index)
            s->hits[j - 1].reasons |= SCORE_READ_DECLINED;
      }
      if (SCORE_TARGET_RISK == (enum score_target_kind) h->kind
          && SCORE_DRIVER_COMPETITOR_ACTIVITY == m->cues[h->cue].target.index
          && m->cues[h->cue].weight > 0
          && (told_no (s, h) || told_settled (m, s, hi)))
        h->reasons |= SCORE_READ_DECLINED; /* "she told them she isn't
                                              looking" */
      if (SCORE_TARGET_RISK == (enum score_target_kind) h->kind
          && m->cues[h->cue].weight > 0 && not_us_after (s, h))
      {
        h->negated = true; /* "the trust next door has a capital freeze -
                              'glad it's not us'" */
        h->reasons |= SCORE_READ_NEGATED;
      }
      if (SCORE_TARGET_RISK == (enum score_target_kind) h->kind
          && SCORE_DRIVER_COMPETITOR_ACTIVITY == m->cues[h->cue].target.index
          && m->cues[h->cue].weight > 0 && finished_after (s, h))
        h->reasons |= SCORE_READ_PAST; /* "the tender last year is
                                          finished, our contract runs
                                          until 2027" */
      if ((SCORE_TARGET_RISK == (enum score_target_kind) h->kind
           || SCORE_TARGET_ORIENTATION == (enum score_target_kind) h->kind)
          && (names_a_product (s, h) || credit_in_finance (s, h)))
        h->negated = h->superseded = true; /* "the contract-review
                                              tool" */
      if (SCORE_TARGET_PILLAR == (enum score_target_kind) h->kind
          && SCORE_PILLAR_COMPATIBILITY == m->cues[h->cue].target.index
          && h->first == h->last
          && ((h->first > 0
               && s->tokens[h->first].start == s->tokens[h->first - 1].end + 1
               && '-' == s->text[s->tokens[h->first].start - 1])
              || (s->tokens[h->last].end < s->text_len
                  && '-' == s->text[s->tokens[h->last].end]))
          && business_noun_after (s, h->last))
        h->negated = h->superseded = true; /* "their wet-weather plan": a
                                              word of small talk hyphened
                                              into a business one (not
                                              "fly-fishing stories") */
      if (h->first >= hypo_at && ! bare_if
          && ! (hypo_at == guess_from && shopping_risk (m, h)))
        h->reasons |= SCORE_READ_HYPOTHETICAL;
      if (h->first > intent_at
          && SCORE_TARGET_PILLAR == (enum score_target_kind) h->kind)
        h->reasons |= SCORE_READ_HYPOTHETICAL; /* 002's pillars are built
                                                  by what was done */
      if (h->first == h->last
          && (h->first == a
              || (h->first == a + 1 && (s->tok_marks[a] & M_CONJ)))
          && t1->end - t0->start > 2 && 'l' == (s->text[t1->end - 2] | 0x20)
          && 'y' == (s->text[t1->end - 1] | 0x20)
          && (h->first + 1 == b
              || (s->tok_marks[h->first + 1] & (M_PRON | M_DET | M_CONJ))))
        h->reasons |= SCORE_READ_FILLER; /* "Honestly, ...", "Frankly
                                              we ...", "and honestly I
                                              want ..." */
      if (h->first == h->last && h->first >= a + 2 && h->first + 1 == b
          && score_token_in (s, h->first, to_be_fillers)
          && ((score_token_is (s, h->first - 2, "to")
               && score_token_is (s, h->first - 1, "be")
               && ((t1->end < s->text_len
                    && NULL != strchr (",;:-", s->text[t1->end]))
                   || comma_before (s, h->first - 2)))
              || (score_token_is (s, h->first - 2, "if")
                  && (score_token_is (s, h->first - 1, "i'm")
                      || score_token_is (s, h->first - 1, "im")))))
        h->reasons |= SCORE_READ_FILLER; /* "..., to be honest; the board
                                            will pay", not "to be honest
                                            with us" or "we want them to
                                            be honest." ("let me be
                                            honest, ..." opens candour) */
      if (h->first == h->last && h->first == a + 2 && h->first + 1 < b
          && (0 == a || (s->tokens[a].flags & TOK_SENTENCE))
          && score_token_in (s, h->first, to_be_fillers)
          && score_token_is (s, a, "to") && score_token_is (s, a + 1, "be")
          && ! score_token_in (s, h->first + 1, to_be_objects))
        h->reasons |= SCORE_READ_FILLER; /* "To be honest football passion
                                            isn't for me", not "to be
                                            honest with us is all we ask" */
      if (h->last == h->first && t0->start > 0 && t1->end < s->text_len)
      {
        char o = s->text[t0->start - 1];
        char c = s->text[t1->end];

        if (('\'' == o || '"' == o) && o == c)
          h->reasons |= SCORE_READ_SARCASM;
      }
    }
    coordinate_negation (m, s, h0, hi);
    oppose (m, s, h0, hi);
    if (dismiss)
      dismiss_topic (m, s, a, h0);
    a = b;
  }
  return any_mark;
}

/** Whether token @a q starts another speaker's turn than token @a p's. */
static bool
another_turn (const struct score_scratch *s, size_t p, size_t q)
{
  size_t g = 0;

  while (g < s->n_segs && s->segs[g].end <= s->tokens[p].start)
    g++;
  return g < s->n_segs && s->tokens[q].start >= s->segs[g].end;
}

/** Whether knowledge hit @a h follows a negated word of telling in its
    clause: "Still no conversation about the booking system or their
    expansion", "never discussed their plans", "didn't want to go into
    volumes" (the telling up to four words after the negation, past
    "want to go"). */
static bool
untold (const struct score_scratch *s, const struct score_hit *h)
{
  size_t a = h->first;

  while (a > 0 && ! (s->tokens[a].flags & TOK_CLAUSE))
    a--;
  for (size_t q = a; q + 1 < h->first; q++)
    if (SCORE_TOKEN_NEG == s->tokens[q].hash)
    {
      for (size_t r = q + 1; r < h->first && r <= q + 4; r++)
      {
        if ((s->tok_marks[r] & M_DISCLOSE)
            || (r == q + 1 && score_token_is (s, r, "idea")))
          return true; /* "still no idea what their roadmap looks like" */
        if (r > q + 1 && ! (s->tok_marks[r] & M_TO)
            && ! score_token_is (s, r, "want") && ! score_token_is (s, r, "go")
            && ! score_token_is (s, r, "get"))
          break; /* "no conversation", "not want to go into"; not "not
                    sure, she shared" */
      }
    }
  return false;
}

/** Whether token @a q opens "skip the pleasantries", "skip the small
    talk", "skip the chit-chat": small talk turned down, whoever says
    "we". */
static bool
skips_small_talk (const struct score_scratch *s, size_t q, size_t end)
{
  if (! token_begins (s, q, "skip"))
    return false;
  static const char *const softeners[] = { "please", "for",  "now", "today",
                                           "time",   "this", NULL };
  size_t t = q + 2;

  while (t < end && t < q + 5 && ! (s->tokens[t].flags & TOK_CLAUSE)
         && score_token_in (s, t, softeners))
    t++;
  if (q + 1 < end
      && (score_token_is (s, q + 1, "that") || score_token_is (s, q + 1, "it"))
      && (t >= end || (s->tokens[t].flags & TOK_CLAUSE)
          || score_token_is (s, t, "and")))
    return true; /* "Let's skip that, I have twenty minutes.", "let's skip
                    that and get into the numbers", "let's skip that
                    please", "skip it for now" */
  for (size_t r = q + 1; r < end && r <= q + 3; r++)
    if (score_token_is (s, r, "pleasantries")
        || score_token_is (s, r, "niceties")
        || score_token_is (s, r, "weather")
        || score_token_is (s, r, "chitchat") || score_token_is (s, r, "chit")
        || (score_token_is (s, r, "small") && r + 1 < end
            && score_token_is (s, r + 1, "talk")))
      return true;
  return false;
}

/** Whether token @a q ("keep(s)", "kept", "leave(s)") keeps personal or
    private things out of work: "keeps personal things out of work",
    "leaves her private life out of business". */
static bool
private_out_of_work (const struct score_scratch *s, size_t q, size_t end)
{
  bool personal = false;

  if (! (token_begins (s, q, "keep") || score_token_is (s, q, "kept")
         || token_begins (s, q, "leave")))
    return false;
  for (size_t r = q + 1; r + 2 < end && r <= q + 5; r++)
  {
    personal = personal || score_token_is (s, r, "personal")
               || score_token_is (s, r, "private");
    if (personal && score_token_is (s, r, "out")
        && score_token_is (s, r + 1, "of")
        && (score_token_is (s, r + 2, "work")
            || score_token_is (s, r + 2, "business")
            || score_token_is (s, r + 2, "it")))
      return true;
  }
  return false;
}

/** What talk kept to business is kept to, besides "business" and "the
    agenda": "straight to the points", "down to the numbers". */
static const char *const business_at_hand[] = {
  "point", "points", "numbers", "figures", "items",
  "topic", "topics", "subject", "list",    NULL
};

/** Whether a quotation closes right after token @a q: "'eh, we'll see'
    and went back to the boat". */
static bool
quote_closes_after (const struct score_scratch *s, size_t q)
{
  size_t e = s->tokens[q].end;

  if (e >= s->text_len)
    return false;
  return '\'' == s->text[e] || '"' == s->text[e]
         || (e + 2 < s->text_len && 0xE2 == (unsigned char) s->text[e]
             && 0x80 == (unsigned char) s->text[e + 1]
             && (0x99 == (unsigned char) s->text[e + 2]
                 || 0x9D == (unsigned char) s->text[e + 2])); /* ’ ” */
}

/** The token after "let's" or "let us" at token @a q ("let us start",
    "let's leave that"), or SIZE_MAX - 1 when @a q opens neither (or
    nothing follows before @a end). */
static size_t
lets (const struct score_scratch *s, size_t q, size_t end)
{
  if (score_token_is (s, q, "let's") || score_token_is (s, q, "lets"))
    return q + 1 < end ? q + 1 : SIZE_MAX - 1;
  if (score_token_is (s, q, "let") && q + 2 < end
      && score_token_is (s, q + 1, "us"))
    return q + 2;
  return SIZE_MAX - 1;
}

/** Whether token @a q opens "straight to the agenda", "stick to
    business", "down to business", "no small talk": the talk kept to
    business, small talk turned down. */
static bool
business_words (const struct score_scratch *s, size_t q, size_t end, char c)
{
  bool held = true; /* "kept", "stuck", "stayed": what is held, then "to" */
  size_t v;         /* the verb after "let's" or "let us" */

  if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 3 < end
      && score_token_is (s, q + 1, "time") && score_token_is (s, q + 2, "for")
      && (score_token_is (s, q + 3, "that")
          || score_token_is (s, q + 3, "chat")
          || score_token_is (s, q + 3, "chatting")
          || score_token_is (s, q + 3, "small")))
    return true; /* "No time for that. Let's go through the numbers.", "I
                    have no time for chat" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash)
    for (size_t r = q + 2; r + 1 < end && r <= q + 4; r++)
      if ((s->tok_marks[r] & M_TO)
          && (score_token_is (s, r + 1, "talk")
              || score_token_is (s, r + 1, "chat")))
        return true; /* "I don't pay you to talk about snow" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash)
    for (size_t r = q + 1; r < end && r <= q + 3; r++)
      if ((score_token_is (s, r, "small") && r + 1 < end
           && score_token_is (s, r + 1, "talk"))
          || score_token_is (s, r, "chit") || score_token_is (s, r, "chitchat")
          || score_token_is (s, r, "pleasantries")
          || (score_token_is (s, r, "personal") && r + 1 < end
              && (score_token_is (s, r + 1, "chat")
                  || score_token_is (s, r + 1, "talk"))))
        return true; /* "no small talk", "I don't do chit-chat", "she
                        doesn't do personal chat with vendors", "no
                        personal talk" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash)
    for (size_t r = q + 1; r + 1 < end && r <= q + 2; r++)
      if ((score_token_is (s, r, "talk") || score_token_is (s, r, "discuss"))
          && score_token_is (s, r + 1, "about"))
        return true; /* asked about his holiday, "I don't really talk about
                        home at work" */
  if ('l' == c && (v = lets (s, q, end)) + 1 <= end
      && (score_token_is (s, v, "start") || score_token_is (s, v, "begin"))
      && (v + 1 >= end || (s->tokens[v + 1].flags & TOK_CLAUSE)
          || quote_closes_after (s, v)))
    return true; /* asked about his weekend, "'thank you, let us start'" */
  if ('a' == c && q + 1 < end && score_token_is (s, q, "al")
      && (score_token_is (s, q + 1, "grano")
          || score_token_is (s, q + 1, "punto")))
    return true; /* "vamos al grano", "prefiero ir al punto" */
  if (('p' == c || 'w' == c) && q + 1 < end
      && (score_token_is (s, q, "personal") || score_token_is (s, q, "private")
          || score_token_is (s, q, "work"))
      && score_token_is (s, q + 1, "separate"))
    return true; /* "I keep work and personal separate" */
  if ('k' == c && q + 2 < end && token_begins (s, q, "keep")
      && (score_token_is (s, q + 1, "that") || score_token_is (s, q + 1, "it")
          || score_token_is (s, q + 1, "this"))
      && score_token_is (s, q + 2, "separate"))
    return true; /* "Thanks for asking about the holidays; I keep that
                    separate from work" */
  if (('k' == c || 'l' == c) && private_out_of_work (s, q, end))
    return true; /* "she keeps personal things out of work" */
  if ('l' == c && token_begins (s, q, "let"))
    for (size_t r = q + 1; r + 1 < end && r <= q + 4; r++)
      if ((score_token_is (s, r, "work") || score_token_is (s, r, "business"))
          && score_token_is (s, r + 1, "first"))
        return true; /* "Sir, let us do the work first" */
  if ('l' == c && token_begins (s, q, "let"))
    for (size_t r = q + 2; r + 1 < end && r <= q + 4; r++)
      if ((score_token_is (s, r, "through") || score_token_is (s, r, "to")
           || score_token_is (s, r, "at"))
          && (score_token_is (s, r + 1, "numbers")
              || score_token_is (s, r + 1, "figures")
              || (r + 2 < end && score_token_is (s, r + 1, "the")
                  && (score_token_is (s, r + 2, "numbers")
                      || score_token_is (s, r + 2, "figures")))))
        return true; /* "Fine. Let's go through the numbers, I have a
                        site visit at eleven." */
  if (q + 2 < end && token_begins (s, q, "let")
      && score_token_is (s, q + 1, "get")
      && (score_token_is (s, q + 2, "into") || score_token_is (s, q + 2, "to"))
      && (q + 3 >= end || score_token_is (s, q + 3, "it")
          || score_token_is (s, q + 3, "business")))
    return true; /* "Let's get into it, I've got a board meeting at eleven" */
  if ('p' == c && token_begins (s, q, "prefer"))
    for (size_t r = q + 1; r < end && r <= q + 3; r++)
      if (token_begins (s, r, "discuss")
          || (score_token_is (s, r, "talk") && r + 1 < end
              && score_token_is (s, r + 1, "about")))
        return true; /* "he answered shortly, 'I prefer to discuss
                        work'", "'I prefer we talk about the quarry'" */
  if ('l' == c && (v = lets (s, q, end)) + 1 < end
      && score_token_is (s, v, "leave")
      && (score_token_is (s, v + 1, "that")
          || score_token_is (s, v + 1, "it")))
    return true; /* asked about his holiday, "'let's leave that, we have 45
                    minutes'" */
  if ('n' == c && q + 1 < end && score_token_is (s, q, "next")
      && (score_token_is (s, q + 1, "item")
          || score_token_is (s, q + 1, "point")
          || score_token_is (s, q + 1, "topic")))
    return true; /* "Any plans for Christmas?" - "Next item, please." */
  if ('r' == c && q + 3 < end && score_token_is (s, q, "rather")
      && (score_token_is (s, q + 1, "use")
          || score_token_is (s, q + 1, "spend"))
      && (s->tok_marks[q + 2] & M_DET) && score_token_is (s, q + 3, "time"))
    return true; /* asked about the holiday, "Fine. I'd rather use the time
                    on the drought surcharge" */
  if (score_token_is (s, q, "start") && q + 3 < end
      && score_token_is (s, q + 1, "with")
      && (score_token_is (s, q + 3, "agenda")
          || score_token_is (s, q + 3, "business")
          || (score_token_is (s, q + 2, "item")
              && score_token_is (s, q + 3, "one"))))
    return true; /* "she said she prefers to start with the agenda", "let's
                    start with item one" */
  if (('g' == c || 'w' == c || 'r' == c) && q + 3 < end
      && (score_token_is (s, q, "go") || score_token_is (s, q, "went")
          || score_token_is (s, q, "goes") || score_token_is (s, q, "return")
          || score_token_is (s, q, "returns")
          || score_token_is (s, q, "returned"))
      && (s->tok_marks[q + 1] & M_TO)
      && (score_token_is (s, q + 2, "agenda")
          || score_token_is (s, q + 3, "agenda")))
    return true; /* "she said 'better we go to the agenda, please'", "he
                    went to the agenda", "returns to the agenda" */
  if (score_token_is (s, q, "straight") || score_token_is (s, q, "down"))
    held = false;
  else if (! (token_begins (s, q, "stick") || token_begins (s, q, "stuck")
              || token_begins (s, q, "keep") || score_token_is (s, q, "kept")
              || token_begins (s, q, "stay") || token_begins (s, q, "focus")))
    return false;
  if (q + 2 < end && score_token_is (s, q + 1, "back"))
    q++; /* "he steered straight back to the agenda" */
  else if (held && q + 3 < end && ! (s->tok_marks[q + 1] & M_TO)
           && ! score_token_is (s, q + 1, "with"))
  {
    /* "kept the conversation on the agenda", "keeps things to
       business": what is kept, then "to" or "on" */
    size_t r = q + 1;

    while (r < end && r <= q + 3 && ! (s->tok_marks[r] & M_TO)
           && ! score_token_is (s, r, "on")
           && ! score_token_is (s, r, "about"))
      r++;
    if (r >= end || r > q + 3)
      return false;
    q = r - 1;
  }
  if (q + 2 >= end
      || ! ((s->tok_marks[q + 1] & M_TO) || score_token_is (s, q + 1, "on")
            || (held
                && (score_token_is (s, q + 1, "about")
                    || score_token_is (s, q + 1, "with")))))
    return false; /* "let's stay with the agenda, please" */
  for (size_t r = q + 2; r < end && r <= q + 3; r++)
    if (score_token_is (s, r, "business") || score_token_is (s, r, "agenda")
        || score_token_in (s, r, business_at_hand)
        || (held && score_token_is (s, r, "work")))
      return true; /* "I prefer we keep to the work, thanks", "keep these
                      meetings about the work", "let's go straight to the
                      point", "straight to the numbers" */
  return false;
}

/** keeps_to_business() on the tokens it can open: a negator, or a word
    starting s, d, a, k, p, w, l, g, r, f or n ("straight", "stick",
    "down", "keep", "al", "personal/work separate", "let's get into it", "go
    to the agenda", "returns to the agenda", "focus on the agenda", "next
    item"); a test of one
    letter, inlined, spares most tokens the call and its word compares. */
static inline bool
keeps_to_business (const struct score_scratch *s, size_t q, size_t end)
{
  char c = (char) (s->text[s->tokens[q].start] | 0x20);

  if (SCORE_TOKEN_NEG != s->tokens[q].hash && 's' != c && 'd' != c && 'a' != c
      && 'k' != c && 'p' != c && 'w' != c && 'l' != c && 'g' != c && 'r' != c
      && 'f' != c && 'n' != c)
    return false;
  return business_words (s, q, end, c);
}

/** Whether token @a q opens an answer that passes a question on rather
    than answering it: "changed topic", "changed the subject", "ask my
    boss", "not sure", "no idea", "(he's) not really across it". Said of
    their business, it shares no insight (002's knowledge). */
static bool
deflect_words (const struct score_scratch *s, size_t q, size_t end, char c)
{
  static const char *const heads[] = { "boss",   "manager",  "owner",
                                       "owners", "director", "ceo",
                                       "head",   NULL };

  if (('i' == c
       && (score_token_is (s, q, "interno")
           || score_token_is (s, q, "interna")))
      || ('v' == c && score_token_is (s, q, "veremos")))
    return true; /* "Eso es interno, disculpa", "eso ya lo veremos" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < end
      && score_token_is (s, q, "no")
      && (score_token_is (s, q + 1, "se")
          || (s->tokens[q + 1].end - s->tokens[q + 1].start == 3
              && 0
                   == memcmp (s->text + s->tokens[q + 1].start, "s\xc3\xa9",
                              3))))
    return true; /* "eso lo ve el consejo, no sé nada" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 2 < end
      && score_token_is (s, q + 1, "think")
      && score_token_is (s, q + 2, "about"))
    return true; /* asked about their plans, "he said he doesn't think about
                    that" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < end
      && (score_token_is (s, q + 1, "overthink")
          || (score_token_is (s, q, "nothing")
              && score_token_is (s, q + 1, "special"))))
    return true; /* "'same as always, don't overthink it'", "'we will
                    see, nothing special'" */
  if ('k' == c && q + 2 < end
      && (score_token_is (s, q, "keep") || score_token_is (s, q, "keeps"))
      && score_token_is (s, q + 2, "close"))
    return true; /* "'oh we keep that close, you know how it is'" */
  if ('l' == c && q + 1 < end && score_token_is (s, q, "looking")
      && score_token_is (s, q + 1, "around"))
    return true; /* "she's still 'looking around'" */
  if ('s' == c && q + 2 < end && score_token_is (s, q, "same")
      && score_token_is (s, q + 1, "as")
      && score_token_is (s, q + 2, "always"))
    return true;
  if ('s' == c
      && (score_token_is (s, q, "shrugged") || score_token_is (s, q, "shrugs")
          || score_token_is (s, q, "shrug")))
    return true; /* asked about plans for next year, "he shrugged, 'we'll
                    see what the brands send'" */
  if ('w' == c && q + 1 < end
      && (score_token_is (s, q, "will") || score_token_is (s, q, "we'll"))
      && score_token_is (s, q + 1, "see")
      && (q + 2 >= end || (s->tokens[q + 2].flags & TOK_CLAUSE)
          || quote_closes_after (s, q + 1)))
    return true; /* "'we will see'" with nothing after it: "he said 'eh,
                    we'll see' and went back to the boat" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 2 < end
      && (score_token_is (s, q + 1, "get")
          || score_token_is (s, q + 1, "gets"))
      && score_token_is (s, q + 2, "involved"))
    return true; /* asked about her plans for the remodel, "she said she
                    doesn't get involved in that side" */
  if ('a' == c && q + 3 < end && score_token_is (s, q, "above")
      && score_token_is (s, q + 2, "pay")
      && score_token_is (s, q + 3, "grade"))
    return true; /* asked about their plans, "he said 'above my pay grade,
                    mate, just keep it all running'" */
  if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < end
      && (score_token_is (s, q + 1, "say")
          || (score_token_is (s, q + 1, "thinking") && q + 2 < end
              && score_token_is (s, q + 2, "that"))))
    return true; /* "ah, can't say, above my pay grade", "they're not
                    thinking that far ahead" */
  if ('f' == c && q + 2 < end && score_token_is (s, q, "for"))
  {
    size_t r = (s->tok_marks[q + 1] & M_DET) ? q + 2 : q + 1;

    for (size_t i = 0; NULL != heads[i]; i++)
      if (score_token_is (s, r, heads[i]))
        return true; /* "that is for head office to discuss, not him" */
    if (score_token_is (s, r, "board") || score_token_is (s, r, "management"))
      return true;
  }
  if (q + 1 >= end)
    return false;
  if (score_token_is (s, q, "changed") || score_token_is (s, q, "changes"))
    return score_token_is (s, q + 1, "topic")
           || score_token_is (s, q + 1, "subject")
           || (q + 2 < end
               && (score_token_is (s, q + 2, "topic")
                   || score_token_is (s, q + 2, "subject")));
  if ((score_token_is (s, q, "decided") || score_token_is (s, q, "decides"))
      && q + 2 < end && score_token_is (s, q + 1, "by"))
  {
    size_t r = (s->tok_marks[q + 2] & M_DET) ? q + 3 : q + 2;

    if (r < end
        && (score_token_is (s, r, "head") || score_token_is (s, r, "board")
            || score_token_is (s, r, "management")
            || score_token_is (s, r, "hq")
            || score_token_is (s, r, "headquarters")
            || score_token_is (s, r, "group")))
      return true; /* "it is decided by head office, I only hear at the
                      last moment" */
  }
  if ('i' == c && q + 2 < end && score_token_is (s, q, "inform")
      && (score_token_is (s, q + 1, "us") || score_token_is (s, q + 1, "you"))
      && score_token_is (s, q + 2, "when"))
    return true; /* "she will inform us when there is something to
                    inform" */
  if ('h' == c && q + 2 < end && score_token_is (s, q, "handled")
      && (score_token_is (s, q + 1, "in") || score_token_is (s, q + 1, "at"))
      && s->text[s->tokens[q + 2].start] >= 'A'
      && s->text[s->tokens[q + 2].start] <= 'Z')
    return true; /* "she said that's handled in Germany and she doesn't see
                    it" */
  if ('d' == c && q + 2 < end && q >= 2 && score_token_is (s, q, "day")
      && score_token_is (s, q + 1, "to") && score_token_is (s, q + 2, "day"))
    for (size_t r = q - 1; r + 4 > q && r > 0; r--)
      if (score_token_is (s, r, "just") || score_token_is (s, r, "only"))
        return true; /* "she said she just handles the day-to-day" */
  if (score_token_is (s, q, "ask") && q + 2 < end
      && (s->tok_marks[q + 1] & M_DET))
    for (size_t i = 0; NULL != heads[i]; i++)
      if (score_token_is (s, q + 2, heads[i]))
        return true;
  if (SCORE_TOKEN_NEG != s->tokens[q].hash
      || (q > 0 && score_token_is (s, q - 1, "had")))
    return false; /* "That's useful, I had no idea": insight welcomed */
  for (size_t r = q + 1; r < end && r <= q + 2; r++)
    if (score_token_is (s, r, "sure") || score_token_is (s, r, "idea")
        || score_token_is (s, r, "across"))
      return true;
  if (q + 2 < end && score_token_is (s, q, "nothing")
      && score_token_is (s, q + 1, "you") && score_token_is (s, q + 2, "need"))
    return true; /* "'nothing you need to worry about.'" */
  if (q + 3 < end && score_token_is (s, q + 1, "in")
      && (s->tok_marks[q + 2] & M_DET)
      && score_token_is (s, q + 3, "position"))
    return true; /* "he wasn't in a position to discuss future buys" */
  if (q + 2 < end
      && (score_token_is (s, q + 1, "my") || score_token_is (s, q + 1, "her")
          || score_token_is (s, q + 1, "his")
          || score_token_is (s, q + 1, "our"))
      && score_token_is (s, q + 2, "place"))
    return true; /* "she said it's not her place to share that" */
  if (q + 2 < end && score_token_is (s, q + 1, "my")
      && (score_token_is (s, q + 2, "department")
          || score_token_is (s, q + 2, "area")
          || score_token_is (s, q + 2, "call")
          || score_token_is (s, q + 2, "decision")
          || score_token_is (s, q + 2, "remit")
          || score_token_is (s, q + 2, "side")))
    return true; /* "not my department, me I just order what they tell
                    me" */
  /* "I really don't know, it is decided by head office"; not "I didn't
     know that" */
  return score_token_is (s, q + 1, "know")
         && (token_begins (s, q, "don") || token_begins (s, q, "doesn")
             || (q > 0 && score_token_is (s, q - 1, "do")));
}

/** deflect_words() on the tokens it can open: a negator, or a word
    starting c, a, i, v, f, h, d, k, l, s or w; the one-letter test is
    inlined. */
static inline bool
deflects (const struct score_scratch *s, size_t q, size_t end)
{
  char c = (char) (s->text[s->tokens[q].start] | 0x20);

  if (SCORE_TOKEN_NEG != s->tokens[q].hash && 'c' != c && 'a' != c && 'i' != c
      && 'v' != c && 'f' != c && 'h' != c && 'd' != c && 'k' != c && 'l' != c
      && 's' != c && 'w' != c)
    return false;
  return deflect_words (s, q, end, c);
}

/** Words of answering a negator before turns into silence: "no reply to
    the invitation", "never answered our invite". */
static const char *const answering[] = { "reply",   "replied",   "replies",
                                         "respond", "responded", "response",
                                         "answer",  "answered",  NULL };

/** Whether an invitation is named in tokens [@a a, @a b): "declined our
    invitation to the Christmas drinks" turns the drinks down. */
static bool
invitation_between (const struct score_scratch *s, size_t a, size_t b)
{
  for (size_t q = a; q < b; q++)
    if (token_begins (s, q, "invit"))
      return true;
  return false;
}

/** Whether small talk hit @a h is what the buyer cut short or turned
    down: "cut off my weekend question", "cut my futbol comment",
    "turned down the Jets tickets again", "declined the golf day" ("cut"
    or a refusal up to three words before it in its sentence), or what
    she answered with "I don't do chit-chat" earlier in the sentence. */
static bool
cut_short (const struct score_scratch *s, const struct score_hit *h)
{
  size_t end;

  if (h->first + 1 < s->n_tokens
      && keeps_to_business (s, h->first, h->first + 2))
    return true; /* the cue is the refusal's own word: "I keep work and
                    personal separate" */
  for (size_t q = h->first; q > 0; q--)
  {
    if (s->tokens[q - 1].sentence != s->tokens[h->first].sentence
        || (s->tokens[q].flags & TOK_CLAUSE && score_token_is (s, q, "but")))
      break;
    if (keeps_to_business (s, q - 1, h->first)
        || ((s->tok_marks[q - 1] & M_SKIP)
            && skips_small_talk (s, q - 1, h->last + 1)))
      return true; /* "Pam said 'I don't do chit-chat' when I asked about
                      her weekend", "'skip the weather, I have a list'" */
  }
  for (size_t q = h->first; q > 0 && q + 7 > h->first; q--)
  {
    if (s->tokens[q - 1].sentence != s->tokens[h->first].sentence)
      return false;
    if (score_token_is (s, q - 1, "cut")
        && (q + 4 > h->first || score_token_is (s, q, "my")))
      return true; /* "cut my futbol comment", "politely cut my question
                      about the Raja match" */
    if (q + 4 > h->first
        && ((s->tok_marks[q - 1] & M_DECLINE)
            && ! (q > 1 && (s->tok_marks[q - 2] & (M_I | M_OURS)))
            && ! (token_begins (s, q - 1, "turn")
                  && ! (s->tok_marks[q] & M_DOWN))))
      return true;
    if (q + 6 > h->first && invitation_between (s, q, h->first)
        && ((s->tok_marks[q - 1] & M_DECLINE)
            || (SCORE_TOKEN_NEG == s->tokens[q - 1].hash
                && refusing_negator (s, q - 1)))
        && ! (q > 1 && (s->tok_marks[q - 2] & (M_I | M_OURS))))
      return true; /* "declined our invitation to the Christmas drinks",
                      beyond the negation's reach */
  }
  for (size_t q = h->first; q > 0 && q + 10 > h->first; q--)
  {
    if (s->tokens[q - 1].sentence != s->tokens[h->first].sentence)
      break;
    if (invitation_between (s, q, h->first)
        && ((SCORE_TOKEN_NEG == s->tokens[q - 1].hash
             && score_token_in (s, q, answering))
            || token_begins (s, q - 1, "ignor")))
      return true; /* "No reply to the invitation to our customer dinner",
                      "ignored the invite to the golf day": left
                      unanswered */
  }
  end = h->first;
  while (end < s->n_tokens
         && s->tokens[end].sentence == s->tokens[h->first].sentence)
    end++; /* the sentence's end, once */
  for (size_t q = h->first + 1; q > 0 && q + 5 > h->first; q--)
  {
    if (s->tokens[q - 1].sentence != s->tokens[h->first].sentence)
      break;
    if (private_out_of_work (s, q - 1, end))
      return true; /* "she keeps personal things out of work" */
  }
  return false;
}

/** Whether "then" (a clause word, so no token of its own) stands just
    before token @a q: "chatted about his trip, then kept to the agenda"
    tells what came after the small talk, not a refusal of it. */
static bool
then_before (const struct score_scratch *s, size_t q)
{
  const char *t = s->text;
  size_t e = s->tokens[q].start;

  if (! (s->tokens[q].flags & TOK_CLAUSE) || q == 0)
    return false;
  while (e > s->tokens[q - 1].end && ' ' == t[e - 1])
    e--;
  if (e < s->tokens[q - 1].end + 4 || 't' != (t[e - 4] | 0x20)
      || 'h' != (t[e - 3] | 0x20) || 'e' != (t[e - 2] | 0x20)
      || 'n' != (t[e - 1] | 0x20))
    return false;
  return e == s->tokens[q - 1].end + 4
         || ! ((t[e - 5] | 0x20) >= 'a' && (t[e - 5] | 0x20) <= 'z');
}

/** Whether token @a q opens an answer that keeps the matter back without
    a negation: "difficult to share", "hard to say" (a word of difficulty,
    "to", a word of telling), "keeps that internal", "kept it
    confidential", "avoided the question", "ignored the topic". Said of
    their business, it shares no insight (002's knowledge). */
static bool
withheld (const struct score_scratch *s, size_t q, size_t end)
{
  const struct score_token *t = &s->tokens[q];
  char c = (char) (s->text[t->start] | 0x20);
  size_t n = t->end - t->start;

  /* one test of the first letter and the length each: most tokens are
     none of these words */
  if ((('p' == c && 7 == n && score_token_is (s, q, "private"))
       || ('i' == c && 8 == n && score_token_is (s, q, "internal")))
      && q > 0
      && (after_that_is (s, s->tokens[q].start)
          || score_token_is (s, q - 1, "is")
          || score_token_is (s, q - 1, "strictly")
          || score_token_is (s, q - 1, "purely")))
    return true; /* "ah, that is internal matter, sorry", "I asked about
                    the family's succession plans, he said that's
                    private" */
  if (q + 1 >= end)
    return false;
  if ('i' == c && 8 == n)
    return score_token_is (s, q, "internal")
           && (score_token_is (s, q + 1, "matter")
               || score_token_is (s, q + 1, "matters")); /* "internal
                                                           matters" */
  if (q + 2 >= end)
    return false;
  if (s->tok_marks[q + 1] & M_TO)
    return ((s->tok_marks[q + 2] & M_DISCLOSE)
            || score_token_is (s, q + 2, "say"))
           && (score_token_is (s, q, "difficult")
               || score_token_is (s, q, "hard")
               || score_token_is (s, q, "tricky")
               || score_token_is (s, q, "sensitive")); /* "difficult to
                                                          share" */
  if ('k' == c && n >= 4)
    return (token_begins (s, q, "keep") || token_begins (s, q, "kept"))
           && (score_token_is (s, q + 1, "that")
               || score_token_is (s, q + 1, "it")
               || score_token_is (s, q + 1, "this")
               || score_token_is (s, q + 1, "those"))
           && (score_token_is (s, q + 2, "internal")
               || score_token_is (s, q + 2, "confidential")
               || score_token_is (s, q + 2, "private")
               || score_token_is (s, q + 2, "quiet"));
  if ('w' == c && 5 == n)
    return SCORE_TOKEN_NEG == s->tokens[q + 2].hash
           && score_token_is (s, q, "which")
           && score_token_is (s, q + 1, "we"); /* "forecasts go only to
                                      framework suppliers, which we aren't" */
  if (n < 5 || ! ('a' == c || 'e' == c || 'i' == c || 's' == c))
    return false;
  if (token_begins (s, q, "avoid") || token_begins (s, q, "evad")
      || token_begins (s, q, "ignor") || token_begins (s, q, "skirt"))
    for (size_t r = q + 1; r < end && r <= q + 3; r++)
      if (token_begins (s, r, "question") || score_token_is (s, r, "topic")
          || score_token_is (s, r, "subject"))
        return true;
  return false;
}

/** Where "keep(s)"/"kept" at @a q keeps something to the speaker: the
    "to" of "keep my holidays to myself", "kept it to herself" (what is
    kept lies before it and is turned down with it), or 0. */
static size_t
kept_to_oneself (const struct score_scratch *s, size_t q, size_t end)
{
  static const char *const selves[] = { "myself",     "herself",   "himself",
                                        "themselves", "ourselves", NULL };

  if (! (token_begins (s, q, "keep") || score_token_is (s, q, "kept")))
    return 0;
  for (size_t r = q + 1; r + 1 < end && r <= q + 4; r++)
    if ((s->tok_marks[r] & M_TO) && score_token_in (s, r + 1, selves))
      return r;
  return 0;
}

/** Where the refusals in tokens [p, end) start (refusal_scan()). */
struct refusals
{
  size_t plain; /**< one past the last refusal's start, 0 none */
  size_t told;  /**< the same, counting words of telling too */
};

/** After a negator, what was sent got no answer: "No reply", "no
    response", "no answer". */
static const char *const no_reply[] = { "reply",  "replies",  "response",
                                        "answer", "reaction", NULL };

/** Whether "tried" stands in tokens [@a p, @a q) of @a q's sentence:
    "Tried the rugby 7s, nothing." */
static bool
tried_before (const struct score_scratch *s, size_t p, size_t q)
{
  for (size_t r = q;
       r > p && s->tokens[r - 1].sentence == s->tokens[q].sentence; r--)
    if (score_token_is (s, r - 1, "tried"))
      return true;
  return false;
}

/**
 * Where tokens [@a p, @a end) turn down what was put to the speaker: a
 * refusal not our own ("he declined", not "we declined"; in an @a answer,
 * a refusal with no object of its own) or "rather not" (@a out->plain);
 * also a negation shortly before a word of telling ("not something we
 * share", "won't get into it", "no insight shared", "let's not talk
 * shop"), which for what was offered (insight, a question about their
 * plans) is a refusal too, but does not undo small talk that did happen
 * ("football again. Didn't get into their business") (@a out->told).
 * Each is recorded as one past the token where the refusal starts, so a
 * cue is turned down by a refusal that starts after it.
 */
static void
refusal_scan (const struct score_scratch *s, size_t p, size_t end, bool answer,
              struct refusals *out)
{
  static const char *const unread[] = { "unread", "untouched", "unopened",
                                        NULL };
  size_t neg = SIZE_MAX; /* the last negation seen */
  size_t kept;           /* the "to" of "keep ... to myself" */

  out->plain = 0;
  out->told = 0;
  for (size_t q = p; q < end; q++)
  {
    uint64_t b = s->tok_marks[q];

    if (SCORE_TOKEN_NEG == s->tokens[q].hash)
    {
      neg = q;
      if (refusing_negator (s, q)
          || (q + 1 < end && token_begins (s, q + 1, "agree")))
        b |= M_DECLINE; /* "declined"; "hasn't agreed to meet them" */
    }
    if ((b & M_DECLINE) && ! (b & M_DISCLOSE) && token_begins (s, q, "turn")
        && ! ((q + 1 < end && (s->tok_marks[q + 1] & M_DOWN))
              || (q + 2 < end && (s->tok_marks[q + 2] & M_DOWN))))
      b &= ~M_DECLINE; /* "she turned it down"; not "turned up late" */
    if ((b & M_DECLINE) && ! (q > p && (s->tok_marks[q - 1] & (M_I | M_OURS)))
        && ! (answer && q + 1 < s->n_tokens
              && s->tokens[q + 1].sentence == s->tokens[q].sentence
              && ! (s->tok_marks[q + 1] & M_TO)))
      out->plain = q + 1; /* in an answer, "He declined." or "declined to
                             say"; "She declined lunch" turns down
                             something else */
    else if ((b & M_DISCLOSE) && q + 1 < end
             && SCORE_TOKEN_NEG == s->tokens[q + 1].hash
             && score_token_is (s, q, "rather"))
      out->plain = q + 1; /* "she'd rather not" */
    else if ((((b & M_SKIP) && skips_small_talk (s, q, end))
              || keeps_to_business (s, q, end))
             && ! (q > p && then_before (s, q)))
      out->plain = q + 1; /* "Can we skip the pleasantries?", "let's
                             stick to business"; not "chatted about his
                             trip, then kept to the agenda" */
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash && q > p
             && score_token_is (s, q, "not") && token_begins (s, q - 1, "let")
             && (q + 1 >= s->n_tokens
                 || (s->tokens[q + 1].flags & TOK_CLAUSE)))
      out->plain = q + 1; /* "she said 'let's not, I've twenty minutes'" */
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash && q > p && q + 3 < end
             && token_begins (s, q - 1, "let")
             && token_begins (s, q + 1, "wast")
             && score_token_is (s, q + 3, "time"))
      out->plain = q + 1; /* asked about his holiday, "he said 'let's not
                             waste your time or mine'" */
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < end
             && score_token_in (s, q + 1, no_reply))
      out->plain = q + 1; /* "Emailed Carol our whitepaper. No reply." */
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < end
             && (score_token_is (s, q + 1, "read")
                 || (q + 2 < end && score_token_is (s, q + 1, "even")
                     && score_token_is (s, q + 2, "read"))))
      out->plain = q + 1; /* "sent him our study; he hadn't read it" */
    else if ((kept = kept_to_oneself (s, q, end)) > 0)
      out->plain = kept + 1; /* "I'd rather keep my holidays to myself" */
    else if (q > p && score_token_is (s, q, "on")
             && (score_token_is (s, q - 1, "moved")
                 || score_token_is (s, q - 1, "moves")))
      out->told = q + 1; /* "he said 'ok ok' and moved on to the karaoke
                            plans" */
    else if (score_token_in (s, q, unread)
             || ((token_begins (s, q, "stay") || score_token_is (s, q, "sat")
                  || token_begins (s, q, "remain"))
                 && q + 3 < end && score_token_is (s, q + 1, "on")
                 && score_token_is (s, q + 3, "table")))
      out->plain = q + 1; /* "our market report stayed on the table",
                             "the benchmark went unread" */
    else if (token_begins (s, q, "leav")
             && ! (q > p && (s->tok_marks[q - 1] & (M_I | M_OURS))))
    {
      for (size_t r = q + 1; r + 1 < end && r <= q + 4; r++)
        if ((s->tok_marks[r] & M_TO)
            && (score_token_is (s, r + 1, "us")
                || score_token_is (s, r + 1, "me")))
        {
          out->plain = q + 1; /* "'leave the planning to us'" */
          break;
        }
    }
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash
             && score_token_is (s, q, "nothing") && tried_before (s, p, q)
             && (q + 1 >= s->n_tokens
                 || s->tokens[q + 1].sentence != s->tokens[q].sentence))
      out->plain = q + 1; /* "Tried the rugby 7s, nothing." */
    else if (q > p && (s->tok_marks[q - 1] & M_3RD)
             && score_token_is (s, q, "passed")
             && (q + 1 >= s->n_tokens || (s->tokens[q + 1].flags & TOK_CLAUSE)
                 || score_token_is (s, q + 1, "on")))
      out->plain = q + 1; /* "invited her to the quiz night; she passed" */
    else if (score_token_is (s, q, "cut") && q + 1 < end
             && (score_token_is (s, q + 1, "in")
                 || (q + 2 < end && score_token_is (s, q + 1, "me")
                     && (score_token_is (s, q + 2, "off")
                         || score_token_is (s, q + 2, "short")))))
      out->plain = q + 1; /* "a word about the weather; he cut in" */
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash && q > p
             && (s->tok_marks[q - 1] & M_REPORT) && score_token_is (s, q, "no")
             && (q + 1 >= s->n_tokens
                 || (s->tokens[q + 1].flags & TOK_CLAUSE)))
      out->plain = q + 1; /* "she politely said no, she does not do that
                             with suppliers" */
    else if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < end
             && ((score_token_is (s, q, "no")
                  && (score_token_is (s, q + 1, "need")
                      || score_token_is (s, q + 1, "thanks")
                      || score_token_is (s, q + 1, "gracias")))
                 || (score_token_is (s, q, "not")
                     && score_token_is (s, q + 1, "necessary")))
             && (q + 2 >= s->n_tokens
                 || (s->tokens[q + 2].flags & TOK_CLAUSE)))
      out->plain = q + 1; /* "she said no need", "no thanks.", "W said
                             'not necessary'" */
    else if (deflects (s, q, end) || withheld (s, q, end))
      out->told = q + 1; /* "not sure, ask my boss", "hard to say", "keeps
                            that internal", "avoided the question" */
    else if ((b & M_DISCLOSE) && SIZE_MAX != neg && q > neg
             && (q - neg <= 3
                 || (q - neg == 4
                     && (score_token_is (s, neg + 1, "something")
                         || score_token_is (s, neg + 1, "anything")))))
      out->told = neg + 1; /* "not something I can share" */
  }
  if (out->plain > out->told)
    out->told = out->plain;
}

/**
 * Whether knowledge hit @a h is insight the seller offered in a question
 * ("Could I walk you through what the relief changes mean for you?",
 * "Shall we look at your volumes?", "Would you like our view on ...?")
 * that the next turn answers "No": an offer turned down shares nothing
 * (002's knowledge is built with the customer).
 *
 * @param s scratch holding the attributed text
 * @param h a knowledge hit
 * @return true if so
 */
static bool
offer_refused (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const modals[] = { "could", "can",    "shall",
                                        "may",   "should", NULL };
  static const char *const nos[] = { "no", "nope", "nah", NULL };
  uint16_t sentence = s->tokens[h->first].sentence;
  size_t a = h->first;
  size_t q = h->last + 1;

  if (SCORE_SAY_SELLER != h->speaker)
    return false;
  while (a > 0 && s->tokens[a - 1].sentence == sentence)
    a--;
  if (a + 1 >= s->n_tokens
      || ! ((score_token_in (s, a, modals)
             && (score_token_is (s, a + 1, "i")
                 || score_token_is (s, a + 1, "we")))
            || ((score_token_is (s, a, "would") || score_token_is (s, a, "do"))
                && score_token_is (s, a + 1, "you"))))
    return false;
  while (q < s->n_tokens && s->tokens[q].sentence == sentence)
    q++;
  if (q >= s->n_tokens || ! another_turn (s, q - 1, q)
      || '?' != s->text[s->tokens[q - 1].end])
    return false; /* a question, answered in the next turn */
  return score_token_in (s, q, nos)
         && (q + 1 >= s->n_tokens || (s->tokens[q + 1].flags & TOK_CLAUSE));
}

/**
 * Mark the pillar hits the customer turned down, and the rival's approach
 * she turned down ("a rival's rep asked her for a meeting; she turned it
 * down"): a question about their
 * plans they would not answer ("asked abt their 2026 expansion - he
 * declined"), insight offered and waved off ("I had some thoughts on the
 * expansion." "Let's not talk shop today."), an invitation refused ("golf
 * day - she declined"). 002's knowledge and compatibility are built with
 * the customer, so what follows the hit in its sentence decides, or the
 * first words of the answer: the next turn of a transcript, or a next
 * sentence that opens with "he"/"she"/"they" ("He declined."). Trust and
 * compatibility are turned down by a refusal only ("invited him to our
 * advisory day; he declined"): a confidence comes with its own "don't
 * share it", and small talk that happened is not undone by business not
 * discussed after it.
 *
 * @param m model
 * @param s scratch holding the attributed text
 */
static void
declined (const struct score_model *m, struct score_scratch *s)
{
  uint16_t sentence = UINT16_MAX;
  struct refusals in = { 0, 0 };  /* in the hit's sentence */
  struct refusals ans = { 0, 0 }; /* at the start of the answer */

  for (size_t i = 0; i < s->n_hits; i++)
  {
    struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];
    bool telling;

    if (h->negated || cue->weight <= 0
        || ! (SCORE_TARGET_PILLAR == h->kind
              || (SCORE_TARGET_RISK == h->kind
                  && SCORE_DRIVER_COMPETITOR_ACTIVITY == cue->target.index)))
      continue;
    telling = SCORE_TARGET_PILLAR == h->kind
              && SCORE_PILLAR_KNOWLEDGE == cue->target.index;
    if (s->tokens[h->last].sentence != sentence)
    {
      /* the refusals of the sentence and of the answer's first words,
         once a sentence */
      size_t a = h->first;
      size_t q = h->last + 1;
      size_t qs; /* the sentence's end */
      size_t r;
      bool turn;

      sentence = s->tokens[h->last].sentence;
      while (a > 0 && s->tokens[a - 1].sentence == sentence)
        a--;
      while (q < s->n_tokens && s->tokens[q].sentence == sentence)
        q++;
      qs = q;
      if (SCORE_SAY_SELLER == h->speaker && SCORE_TARGET_PILLAR == h->kind
          && SCORE_PILLAR_COMPATIBILITY == cue->target.index && q < s->n_tokens
          && ! another_turn (s, q - 1, q))
      {
        /* the seller's turn runs on ("Morning Howard, good weekend? Did
           you make it to the lake?"): the answer is the next turn's */
        size_t g = 0;
        size_t t2 = q;

        while (g < s->n_segs && s->segs[g].end <= s->tokens[q - 1].start)
          g++; /* the seller's stretch; the next turn opens at its end */
        while (g < s->n_segs && t2 < s->n_tokens && t2 < q + 40
               && s->tokens[t2].start < s->segs[g].end)
          t2++;
        if (g < s->n_segs && t2 < s->n_tokens && t2 < q + 40)
          q = t2;
      }
      r = q;
      turn = q < s->n_tokens && q > 0 && another_turn (s, q - 1, q);
      while (r < s->n_tokens && r < q + 10
             && (turn ? ! another_turn (s, q, r)
                      : s->tokens[r].sentence == s->tokens[q].sentence))
        r++; /* an answer's first words: of its turn ("Fine. Can we skip
                the pleasantries?"), or of the sentence after */
      /* only what follows this hit (the sentence's first to be turned
         down) decides, and a negation a few words before it: "not
         something I can share" */
      refusal_scan (s, (h->first > a + 4) ? h->first - 4 : a, qs, false, &in);
      ans.plain = 0;
      ans.told = 0;
      if (q < s->n_tokens
          && (turn || (s->tok_marks[q] & M_3RD) || opens_quote (s, q)
              || token_begins (s, q, "changed")
              || (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < s->n_tokens
                  && score_token_in (s, q + 1, no_reply))
              || ((s->tok_marks[q] & M_I) && score_token_is (s, a, "you"))
              || (q + 1 < r && opens_quote (s, q + 1))))
        refusal_scan (s, q, r, true, &ans); /* "He declined.", "'Sorry,
                                               not something I can
                                               share.'", "Faith: 'Let's go
                                               straight to the agenda.'";
                                               "You asked about my
                                               holiday. I prefer we keep
                                               to the work." */
    }
    if ((telling ? in.told : in.plain) > h->last + 1
        || (telling ? ans.told : ans.plain) > 0 || (telling && untold (s, h))
        || (telling && offer_refused (s, h))
        || (SCORE_TARGET_PILLAR == h->kind
            && SCORE_PILLAR_COMPATIBILITY == cue->target.index
            && cut_short (s, h)))
      h->reasons |= SCORE_READ_DECLINED;
  }
}

/**
 * A relative named for the work he does is a business contact, not
 * personal talk (the word names a role, SCORE_READ_NAME): "introduced us to the owner's son who runs finance",
 * "her brother, who heads purchasing" (a word of compatibility followed,
 * up to a comma, by "who" and a verb of running a function).
 *
 * @param m model
 * @param s scratch holding the attributed text
 */
static void
kin_at_work (const struct score_model *m, struct score_scratch *s)
{
  static const char *const running[] = { "runs",    "run",      "heads",
                                         "manages", "leads",    "handles",
                                         "owns",    "oversees", NULL };

  for (size_t i = 0; i < s->n_hits; i++)
  {
    struct score_hit *h = &s->hits[i];
    size_t q = h->last + 1;

    if (SCORE_TARGET_PILLAR != h->kind
        || SCORE_PILLAR_COMPATIBILITY != m->cues[h->cue].target.index)
      continue;
    if (q + 1 < s->n_tokens && score_token_is (s, q, "who")
        && score_token_in (s, q + 1, running)
        && s->tokens[q].sentence == s->tokens[h->last].sentence)
      h->reasons |= SCORE_READ_NAME; /* a role, as "the new plant
                                        director" is */
  }
}

/**
 * A value named earlier in the sentence and then skipped by pronoun is
 * stood against: "the paperwork side - certificates, audit trails, all
 * that - we'd skip it if we could", "Certifications, I hate them".
 *
 * @param m model
 * @param s scratch holding the attributed text
 */
static void
skipped_by_pronoun (const struct score_model *m, struct score_scratch *s)
{
  for (size_t q = 0; q + 1 < s->n_tokens; q++)
  {
    uint16_t sentence = s->tokens[q].sentence;
    bool waved = false; /* waved away, not stood against */

    if ((SCORE_TOKEN_NEG == s->tokens[q].hash && q + 2 < s->n_tokens
         && score_token_is (s, q + 1, "care")
         && score_token_is (s, q + 2, "about")))
    {
      q += 2; /* "Certifications are paperwork; we don't care about them" */
      waved = true;
    }
    else if (! (s->tok_marks[q] & M_SKIP))
      continue;
    else if ((q > 0 && SCORE_TOKEN_NEG == s->tokens[q - 1].hash)
             || (q > 1 && SCORE_TOKEN_NEG == s->tokens[q - 2].hash))
      continue; /* "... and documentation; we won't skip it", "we don't
                   ever skip them": insisted on, not skipped */
    if (q + 1 >= s->n_tokens || s->tokens[q + 1].sentence != sentence
        || ! (score_token_is (s, q + 1, "it")
              || score_token_is (s, q + 1, "them")
              || score_token_is (s, q + 1, "that")
              || score_token_is (s, q + 1, "those")
              || score_token_is (s, q + 1, "all")))
      continue;
    for (size_t i = 0; i < s->n_hits; i++)
    {
      struct score_hit *h = &s->hits[i];

      if (h->last >= q)
        break;
      if (SCORE_TARGET_VALUE == (enum score_target_kind) h->kind
          && s->tokens[h->first].sentence == sentence && ! h->negated
          && m->cues[h->cue].weight > 0)
      {
        if (waved)
        {
          h->negated = true;
          h->reasons |= SCORE_READ_NEGATED;
        }
        else
          h->against = true;
      }
    }
  }
}

/**
 * Behaviour a sentence gives to someone else after the fact: "old CRM
 * notes say 'wants peer refs on everything, slow' - that was Lisa Chen,
 * prev CFO, left in Sept." ("that was" or "that's", then a former role
 * or "predecessor" within five words: the predecessor's), "... wants to
 * announce it on stage - that's his thing, not mine" (a colleague's).
 *
 * @param s scratch holding the attributed text
 */
static void
named_former_after (struct score_scratch *s)
{
  for (size_t q = 0; q + 2 < s->n_tokens; q++)
  {
    uint16_t sentence = s->tokens[q].sentence;
    size_t r;

    if (! (s->tok_marks[q] & M_THAT)
        || ! (score_token_is (s, q + 1, "was")
              || score_token_is (s, q, "that's")))
      continue;
    if ((score_token_is (s, q + 1, "his") || score_token_is (s, q + 1, "her"))
        && (score_token_is (s, q + 2, "thing")
            || score_token_is (s, q + 2, "style")
            || score_token_is (s, q + 2, "idea")))
    {
      /* "our creative director wants to announce it on stage - that's
         his thing, not mine" */
      for (size_t i = 0; i < s->n_hits && s->hits[i].first <= q + 2; i++)
        if (s->tokens[s->hits[i].first].sentence == sentence
            && SCORE_TARGET_ORIENTATION
                 == (enum score_target_kind) s->hits[i].kind)
          s->hits[i].reasons |= SCORE_READ_THIRD_PARTY; /* and "his
                                                           thing" itself */
      continue;
    }
    for (r = q + 1;
         r < s->n_tokens && r <= q + 6 && s->tokens[r].sentence == sentence
         && ! (s->tok_marks[r] & (M_FORMER | M_PRED));
         r++)
      ;
    if (r >= s->n_tokens || r > q + 6 || s->tokens[r].sentence != sentence)
      continue;
    for (size_t i = 0; i < s->n_hits && s->hits[i].first < q; i++)
      if (s->tokens[s->hits[i].first].sentence == sentence
          && SCORE_TARGET_ORIENTATION
               == (enum score_target_kind) s->hits[i].kind)
        s->hits[i].reasons |= SCORE_READ_FORMER;
  }
}

/**
 * A contingency owned is no wish for a guarantee: in a sentence where the
 * contact takes the risk ("If it goes badly, that's on me", "I'd rather
 * move now and own it if it goes wrong"), Security's "if it goes wrong"
 * is the case they answer for, not one they want covered (000: willing
 * to take risks and accept consequences).
 *
 * @param m model
 * @param s scratch holding the attributed text
 */
static void
contingency_owned (const struct score_model *m, struct score_scratch *s)
{
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];

    if (0 != strcmp (m->cues[h->cue].id, "actualization.takes_risks")
        || ! score_hit_counts (m, h))
      continue;
    for (size_t k = 0; k < s->n_hits; k++)
    {
      struct score_hit *g = &s->hits[k];

      if (s->tokens[g->first].sentence == s->tokens[h->first].sentence
          && score_token_is (s, g->first, "if")
          && 0 == strcmp (m->cues[g->cue].id, "security.guarantee"))
        g->reasons |= SCORE_READ_OPPOSED;
    }
  }
}

void
score_text_attribute (const struct score_model *m, struct score_scratch *s)
{
  uint64_t any_mark = attribute (m, s);

  if (any_mark & (M_SKIP | M_MATTER))
    skipped_by_pronoun (m, s);
  if (any_mark & M_THAT)
    named_former_after (s); /* it looks for "that was", "that's" */
  declined (m, s); /* not only after a mark: "let's stick to business" */
  kin_at_work (m, s);
  contingency_owned (m, s);
  score_mark_repeats (m, s);
}
