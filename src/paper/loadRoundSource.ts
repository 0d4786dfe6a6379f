/**
 * The round source as the round page asks the data source for it (`updateRounds`): its own chunk,
 * loaded when the page opens, so that the paper's renderers never come with the page or the grid.
 */
import type { RoundSourceLoader } from '../data/TrackerDataSource';

export const loadRoundSource: RoundSourceLoader = async (data, now) => {
  const { createRoundSource } = await import(/* webpackChunkName: 'tracker-round-data' */ './roundSource');
  return createRoundSource(data, now);
};
