export declare const CHROMIUM: string;
export declare function decide(state: { installed: boolean; uid: number | undefined }): 'nothing' | 'install' | 'ask';
