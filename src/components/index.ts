/**
 * The tracker's React components (Fluent UI v8). Hosts (SPFx web parts, the Teams tab, the local
 * workbench) build a `TrackerDataSource` with `createDataSource` (src/data) and render a root.
 */
export { RecommendationTracker, TrackerView } from './tracker/RecommendationTracker';
export type { RecommendationTrackerProps, TrackerViewProps } from './tracker/RecommendationTracker';
export { TrackerDashboard } from './dashboard/TrackerDashboard';
export type { TrackerDashboardProps } from './dashboard/TrackerDashboard';
export { TrackerShell } from './setup/TrackerShell';
export type { TrackerShellProps } from './setup/TrackerShell';
export { ItemPanel } from './item/ItemPanel';
export type { ItemPanelProps } from './item/ItemPanel';
export { ProgressUpdateDialog, RequestClosureDialog, DecideClosureDialog, RequestExtensionDialog, DecideExtensionDialog } from './item/dialogs';
export type { Actor, ProgressUpdateDialogProps, TransitionDialogProps } from './item/dialogs';
export { useRecommendationSave } from './item/useRecommendationSave';
export { useConflictSave } from './item/conflictSave';
export { ConflictDialog } from './item/ConflictDialog';
export type { RecommendationSave } from './item/useRecommendationSave';
export { TrafficLightBadge } from './common/TrafficLightBadge';
export * from './settings/settings';
export { THEMES, THEME_NAMES, lightTheme, darkTheme, highContrastTheme } from './theme/themes';
export type { ThemeName } from './theme/themes';
export { loadPaneChoices } from './settings/paneChoices';
