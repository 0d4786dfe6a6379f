define([], function () {
  return {
    PropertyPaneDescription: 'Choose what this dashboard counts, and where its charts lead.',
    TrackerPageUrlDescription: 'A click on a chart opens this page filtered. Leave empty to open the items in a panel on this page.'
  };
});
