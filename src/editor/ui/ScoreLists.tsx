// A predict score as lists: what was right, what was missed and what was not one, each with the
// engine's reason. Shown by the single-user Predict and by a live poll's reveal.
import type { PredictScore } from '../../learn/predict.js';

const SECTIONS = [
  ['hits', 'Hits'],
  ['misses', 'Missed'],
  ['falseAlarms', 'False alarms'],
] as const;

export function ScoreLists({ score }: { score: PredictScore }) {
  return (
    <>
      {SECTIONS.map(([key, heading]) =>
        score[key].length === 0 ? null : (
          <section key={key}>
            <h4>{heading}</h4>
            <ul>
              {score[key].map((r) => (
                <li key={r.name}>
                  <strong>{r.name}</strong>: {r.why}
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
    </>
  );
}
