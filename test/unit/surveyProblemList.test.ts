// The order of a form's problems (client/src/surveys/problemList.ts): the error summary lists them, and the keyboard
// goes to the first, in the order of the fields on the page.
import { describe, expect, it } from 'vitest';
import { answerProblemOrder, builderProblemOrder, problemTarget } from '../../client/src/surveys/problemList';

describe('answerProblemOrder', () => {
  it('lists the marked questions in the form order, with their places', () => {
    const questions = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(answerProblemOrder(questions, { c: { reason: 'missing' }, a: { reason: 'missing' } })).toEqual([
      { questionId: 'a', index: 0 },
      { questionId: 'c', index: 2 },
    ]);
    expect(answerProblemOrder(questions, {})).toEqual([]);
  });
});

describe('builderProblemOrder', () => {
  const questions = [{ key: 'k1' }, { key: 'k2' }];

  it('goes top to bottom: survey fields, then each question prompt, options, range; missing questions last', () => {
    const found = builderProblemOrder(
      { closesAt: 'past', title: 'required', question: { k2: { range: 'range', prompt: 'required' }, k1: { options: 'options' } } },
      {},
      questions,
    );
    expect(found.map((p) => p.target)).toEqual(['title', 'closesAt', 'q-k1-options', 'q-k2-prompt', 'q-k2-range']);
    expect(found[3]).toMatchObject({ kind: 'question', n: 2, part: 'prompt', problem: 'required', message: null });
  });

  it("takes the server's marks: audience on the event field, question:<index> on that question's prompt", () => {
    const found = builderProblemOrder({ question: {} }, { audience: 'Acara tidak ditemukan.', 'question:1': '' }, questions);
    expect(found).toEqual([
      { kind: 'field', field: 'event', problem: null, message: 'Acara tidak ditemukan.', target: 'event' },
      { kind: 'question', key: 'k2', n: 2, part: 'prompt', problem: null, message: '', target: problemTarget.question('k2', 'prompt') },
    ]);
  });

  it('names the missing questions, aimed at the add buttons', () => {
    expect(builderProblemOrder({ questions: 'required', question: {} }, {}, [])).toEqual([{ kind: 'questions', target: 'questions' }]);
  });
});
