/**
 * Turns the host-neutral property pane description (src/components/settings) into SPFx property
 * pane fields, so the page's pane and the local workbench's pane are one definition.
 */
import {
  PropertyPaneCheckbox,
  PropertyPaneDropdown,
  PropertyPaneSlider,
  PropertyPaneTextField,
  PropertyPaneToggle
} from '@microsoft/sp-property-pane';
import type { IPropertyPaneConfiguration, IPropertyPaneField } from '@microsoft/sp-property-pane';
import type { SettingField, SettingGroup } from '../../components/settings/settings';

function toField(f: SettingField): IPropertyPaneField<unknown> {
  switch (f.kind) {
    case 'text':
      // SPFx shows the message under the field and leaves the property as it was.
      return PropertyPaneTextField(f.key, { label: f.label, description: f.description, ...(f.problem === undefined ? {} : { onGetErrorMessage: f.problem }) });
    case 'toggle':
      return PropertyPaneToggle(f.key, { label: f.label });
    case 'checkbox':
      return PropertyPaneCheckbox(f.key, { text: f.label });
    case 'dropdown':
      return PropertyPaneDropdown(f.key, { label: f.label, options: f.options });
    case 'slider':
      return PropertyPaneSlider(f.key, { label: f.label, min: f.min, max: f.max, step: f.step, showValue: true });
  }
}

/** One page of the SPFx property pane from the neutral groups. */
export function spfxPane(description: string, groups: SettingGroup[]): IPropertyPaneConfiguration {
  return {
    pages: [{ header: { description }, groups: groups.map((g) => ({ groupName: g.name, groupFields: g.fields.map(toField) })) }]
  };
}
