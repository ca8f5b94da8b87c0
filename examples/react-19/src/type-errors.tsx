// Wrong on purpose: `npm run typecheck:errors` must report an error on each line marked below,
// which shows that kabar/jsx types the elements' properties and events.
import type {} from 'kabar/jsx';
import type { KabarVoteEvent } from 'kabar';

export const wrong = (
  <>
    {/* error: `limit` is a number */}
    <kabar-news-list limit="three" />
    {/* error: not one of the layouts */}
    <kabar-news-list layout="carousel" />
    {/* error: no such property */}
    <kabar-poll srcc="/polls.json" />
    {/* error: a kabar-load listener receives a KabarLoadEvent */}
    <kabar-feed onkabar-load={(event: KabarVoteEvent) => event.detail.optionId} />
  </>
);
