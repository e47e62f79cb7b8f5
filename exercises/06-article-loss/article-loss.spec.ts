import { describe, it } from 'vitest';
import { EXACT, LOCAL } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { articleLoss, articleLossGradient } from './article-loss';

const { y } = WORKED_EXAMPLE;

describe("06 the article's loss", () => {
  it("articleLoss(O_out, y): the article's per-class binary cross-entropy, averaged over the 3 outputs", () => {
    expectClose(articleLoss(EXACT.O_out, y), LOCAL.article_loss, 'article_loss');
  });

  it('articleLossGradient(O_out, y) is its correct derivative (not the article’s printed one)', () => {
    expectClose(articleLossGradient(EXACT.O_out, y), LOCAL.article_loss_gradient, 'dE_dO_out (article loss)');
  });

  it('a prediction equal to the target has zero gradient', () => {
    expectClose(articleLossGradient([0.25, 0.75], [0.25, 0.75]), [0, 0], 'gradient at O = y');
  });
});
