export interface RequiredPackage {
  readonly apt: string;
  readonly present: () => boolean;
  readonly for: string;
}
export declare const REQUIRED: readonly RequiredPackage[];
export declare function decide(state: {
  missing: readonly string[];
  uid: number | undefined;
}): 'nothing' | 'install' | 'ask';
