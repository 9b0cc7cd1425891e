/**
 * @file test_scoring_text.c
 * @brief The note reader: stems, phrases, negation scope, typos, excerpts.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "fixture.h"
#include "svc/model.h"
#include "../../../service/scoring/internal.h"

TestSuite (scoring_text, .init = fx_text_setup, .fini = fx_text_teardown);

Test (scoring_text, snowball_stems_match_inflections)
{
  cr_assert_eq (fx_hit ("they want guarantees on uptime",
                        "security.guarantee"),
                1);
  cr_assert_eq (fx_hit ("she's been shopping around", "risk.competitor"), 1);
  cr_assert_eq (fx_hit ("Competitors came in low", "risk.competitor"), 1);
}

Test (scoring_text, negation_scope)
{
  cr_assert_eq (fx_hit ("Did not ask for a discount.", "risk.evaluation"), 2);
  cr_assert_eq (fx_hit ("No mention of competitors.", "risk.competitor"), 2);
  cr_assert_eq (fx_hit ("he never pushed back", "power.assertive"), 2);
  cr_assert_eq (fx_hit ("he pushed back hard on price", "power.assertive"), 1);
  cr_assert_eq (fx_hit ("didnt mention any competitor", "risk.competitor"), 2);
  cr_assert_eq (fx_hit ("competitors weren't discussed", "risk.competitor"),
                2);
  /* the scope ends at punctuation and contrast words */
  cr_assert_eq (fx_hit ("no worries, they asked for a discount",
                        "risk.evaluation"),
                1);
  cr_assert_eq (fx_hit ("not sure yet but a competitor called them",
                        "risk.competitor"),
                1);
}

Test (scoring_text, negator_inside_a_phrase_is_the_cue)
{
  cr_assert_eq (fx_hit ("she said: no surprises please", "security.surprises"),
                1);
  cr_assert_eq (fx_hit ("Beth never complains about anything",
                        "affiliation.withholds"),
                1);
}

Test (scoring_text, phrases_with_gaps_stay_in_a_clause)
{
  cr_assert_eq (fx_hit ("wants it all put firmly in writing",
                        "security.guarantee"),
                1);
  cr_assert_eq (fx_hit ("put it down. in writing later", "security.guarantee"),
                1);
  cr_assert_eq (fx_hit ("asked us for some advice on tooling", "trust.advice"),
                1);
  cr_assert_eq (fx_hit ("asked. advice", "trust.advice"), 0);
}

Test (scoring_text, one_edit_typos_are_corrected)
{
  cr_assert_eq (fx_hit ("they are talking to a competiter", "risk.competitor"),
                1);
  cr_assert_eq (fx_hit ("wants a written guarentee", "security.guarantee"), 1);
  cr_assert_eq (fx_hit ("asked about the gaurantee", "security.guarantee"), 1);
}

Test (scoring_text, apostrophes_curly_and_straight)
{
  cr_assert_eq (fx_hit ("She doesn\xE2\x80\x99t want to rock the boat",
                        "affiliation.avoids_conflict"),
                1);
  cr_assert_eq (fx_hit ("he didn\xE2\x80\x99t ask for a discount",
                        "risk.evaluation"),
                2);
}

Test (scoring_text, excerpt_is_bounded_valid_utf8)
{
  char text[1200];
  char ex[SCORE_EXCERPT_LEN];
  size_t n = 0;

  for (int i = 0; i < 60; i++)
    n += (size_t) snprintf (text + n, sizeof (text) - n, "caf\xC3\xA9 ");
  snprintf (text + n, sizeof (text) - n,
            "wants a guarantee \xE2\x80\x94 "
            "na\xC3\xAFve caf\xC3\xA9 talk");
  score_text_analyze (fx_tmodel, fx_tscratch, text, strlen (text));
  cr_assert_gt (fx_tscratch->n_hits, 0);
  score_text_excerpt (fx_tscratch, &fx_tscratch->hits[0], ex);
  cr_assert_lt (strlen (ex), SCORE_EXCERPT_LEN);
  cr_assert_not_null (strstr (ex, "guarantee"));
  for (size_t i = 0; ex[i];)
  {
    unsigned char c = (unsigned char) ex[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;

    cr_assert (c < 0x80 || (c >= 0xC2 && c <= 0xF4), "lead byte");
    for (size_t k = 1; k < len; k++)
      cr_assert_eq ((unsigned char) ex[i + k] & 0xC0, 0x80, "continuation");
    i += len;
  }
}

Test (scoring_text, empty_and_null_notes)
{
  score_text_analyze (fx_tmodel, fx_tscratch, NULL, 0);
  cr_assert_eq (fx_tscratch->n_hits, 0);
  score_text_analyze (fx_tmodel, fx_tscratch, "", 0);
  cr_assert_eq (fx_tscratch->n_hits, 0);
  score_text_analyze (fx_tmodel, fx_tscratch, "...,,,!!!   ", 12);
  cr_assert_eq (fx_tscratch->n_tokens, 0);
}

Test (scoring_text, crm_shorthand_reads_as_words)
{
  /* "w/" is with, "b4" before, "refs" references, "v." very (no sentence break) */
  cr_assert_eq (fx_hit ("needs to check w/ legal", "security.others_opinion"),
                1);
  cr_assert_eq (fx_hit ("wants 2 refs b4 signing", "security.documentation"),
                1);
  cr_assert_eq (fx_hit ("v. cautious guy", "security.risk_averse"), 1);
  /* "w/o" is a negator */
  cr_assert_eq (fx_hit ("signed w/o any guarantee", "security.guarantee"), 2);
  /* "Mr." does not end the sentence, so the dot keeps the clause whole */
  score_text_tokenize (fx_tmodel, fx_tscratch, "Mr. Hollis called", 17);
  cr_assert_eq (fx_tscratch->n_tokens, 3);
  cr_assert_eq (fx_tscratch->tokens[1].flags & TOK_SENTENCE, 0);
  /* a real sentence end still breaks */
  score_text_tokenize (fx_tmodel, fx_tscratch, "she agreed. then left", 21);
  cr_assert (fx_tscratch->tokens[2].flags & TOK_SENTENCE);
}

Test (scoring_text, short_words_only_forgive_typing_slips)
{
  /* swapped or doubled letters in 6-7 letter words are forgiven */
  cr_assert_eq (fx_hit ("she is very carfeul", "security.risk_averse"), 1);
  cr_assert_eq (fx_hit ("he is nevrous about it", "security.risk_averse"), 1);
  cr_assert_eq (fx_hit ("always so politte", "affiliation.avoids_conflict"),
                1);
  /* a dropped letter is not: "contact" must not read as "contract" */
  cr_assert_eq (fx_hit ("reviewed the contact list", "risk.evaluation"), 0);
}

Test (scoring_text, derivations_the_stemmer_merges_stay_apart)
{
  /* Snowball reads confided/confident, force/forceful, use/useful alike */
  cr_assert_eq (fx_hit ("he confided the CFO is leaving", "power.assertive"),
                0);
  cr_assert_eq (fx_hit ("very confident, sure of herself", "power.assertive"),
                1);
  cr_assert_eq (fx_hit ("she comes across confidently", "power.assertive"), 1);
  cr_assert_eq (fx_hit ("taught them how to use the models",
                        "knowledge.insight"),
                1);
  cr_assert_eq (score_stem_hash (fx_tscratch, "useful", 6)
                  == score_stem_hash (fx_tscratch, "use", 3),
                false);
  cr_assert_eq (score_stem_hash (fx_tscratch, "careful", 7)
                  == score_stem_hash (fx_tscratch, "carefully", 9),
                true);
  cr_assert_eq (score_stem_hash (fx_tscratch, "asked", 5)
                  == score_stem_hash (fx_tscratch, "asking", 6),
                true);
}

Test (scoring_text, contractions_and_irregular_pasts)
{
  /* "we'd" is "we", not "wed(ding)"; "knew" reads as "know" */
  cr_assert_eq (fx_hit ("asked who we'd suggest", "compatibility.personal"),
                0);
  cr_assert_eq (fx_hit ("they'll decide later", "compatibility.personal"), 0);
  cr_assert_eq (fx_hit ("knew exactly what she wanted", "power.assertive"), 1);
  cr_assert_eq (fx_hit ("ran the whole meeting herself", "power.assertive"),
                1);
  cr_assert_eq (fx_hit ("wants to talk to clients our size first",
                        "security.others_opinion"),
                1);
}
