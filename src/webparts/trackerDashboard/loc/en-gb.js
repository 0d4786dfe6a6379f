define([], function () {
  return {
    PropertyPaneDescription: 'Choose what this dashboard counts, and where its charts lead.',
    DisplayGroupName: 'Display',
    FiltersGroupName: 'Preset filters',
    TitleFieldLabel: 'Title',
    DirectorateFieldLabel: 'Directorate',
    AllDirectorates: 'All directorates',
    ReportFieldLabel: 'Originating report',
    AllReports: 'All reports',
    TrackerPageUrlFieldLabel: 'Tracker page address',
    TrackerPageUrlDescription: 'A click on a chart opens this page filtered. Leave empty to open the items in a panel on this page.'
  };
});
