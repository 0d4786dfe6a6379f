define([], function () {
  return {
    PropertyPaneDescription: 'Choose what this view of the tracker shows. Several trackers on one page keep their own settings.',
    ColumnsGroupName: 'Visible columns',
    OnlyRedFieldLabel: 'Only RED items',
    KindFieldLabel: 'Kind',
    AllKinds: 'All kinds',
    OpenOnlyFieldLabel: 'Open items only',
    GroupingFieldLabel: 'Group rows by',
    GroupByReport: 'Originating report',
    GroupByDirectorate: 'Directorate',
    GroupByNone: 'No grouping',
    CompactFieldLabel: 'Compact rows',
    PageSizeFieldLabel: 'Rows per page (0 shows all)'
  };
});
