/**
 * Saving a recommendation with optimistic concurrency: the conflict-aware save of
 * {@link useConflictSave} over the data source's recommendation records.
 */
import * as React from 'react';
import type { Recommendation } from '../../core/model';
import type { RecommendationRecord, TrackerDataSource, Versioned } from '../../data/TrackerDataSource';
import { recommendationFields } from './fieldSets';
import { useStrings } from '../common/strings';
import { useConflictSave } from './conflictSave';

export interface RecommendationSave {
  /**
   * Saves `mine`, an edit of `base`. Resolves with the saved record, or with null when the user,
   * shown a conflict, chose to keep the other person's version.
   */
  save: (base: RecommendationRecord, mine: Recommendation) => Promise<RecommendationRecord | null>;
  /** The conflict dialog, to render wherever the hook is used. */
  conflictDialog: JSX.Element | null;
}

function toRecord(v: Versioned<Recommendation>, id: number): RecommendationRecord {
  return { recommendation: { ...v.value, id }, etag: v.etag };
}

/** Conflict-aware saving for a screen that edits recommendations. */
export function useRecommendationSave(data: TrackerDataSource, onSaved?: (saved: RecommendationRecord) => void): RecommendationSave {
  const write = React.useCallback(async (base: Versioned<Recommendation>, mine: Recommendation): Promise<Versioned<Recommendation>> => {
    const saved = await data.saveRecommendation(toRecord(base, base.value.id as number), mine);
    return { value: saved.recommendation, etag: saved.etag };
  }, [data]);
  const heard = React.useCallback((v: Versioned<Recommendation>) => onSaved?.(toRecord(v, v.value.id as number)), [onSaved]);
  const strings = useStrings();
  const fields = React.useMemo(() => recommendationFields(strings), [strings]);
  const { save, conflictDialog } = useConflictSave(write, fields, heard);
  const saveRecord = React.useCallback(
    async (base: RecommendationRecord, mine: Recommendation): Promise<RecommendationRecord | null> => {
      const saved = await save({ value: base.recommendation, etag: base.etag }, mine);
      return saved === null ? null : toRecord(saved, base.recommendation.id);
    },
    [save]
  );
  return { save: saveRecord, conflictDialog };
}
